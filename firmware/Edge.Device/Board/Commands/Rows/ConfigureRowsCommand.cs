using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`configure-rows`: the layout of the rows that follow (kept across sessions: a board's own sampling uses it too).</summary>
    public sealed class ConfigureRowsCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly int _maxWidth;
        private readonly ConfigureRowsRequest _request = new ConfigureRowsRequest();
        private readonly ErrorText _error = new ErrorText();

        public ConfigureRowsCommand(RowPipeline rows, int maxWidth)
        {
            _rows = rows;
            _maxWidth = maxWidth;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            string problem;
            if (_request.Width > _maxWidth)
            {
                problem = "rows of " + _request.Width.ToString() + " values are wider than this board's " + _maxWidth.ToString();
            }
            else
            {
                var sources = new short[_request.SourceCount];
                System.Array.Copy(_request.Sources, sources, sources.Length);
                problem = _rows.Configure(_request.Width, _request.ModelInputStart, (byte)_request.Rule, _request.Threshold, sources);
            }
            if (problem == null) return LinkStatus.Ok;
            _error.Text = problem;
            length = _error.Write(reply, at);
            return LinkStatus.BadRequest;
        }
    }
}

using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`window`: a page of the last window's report.</summary>
    public sealed class WindowCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly WindowRequest _request = new WindowRequest();
        private readonly WindowPage _page = new WindowPage();
        private readonly ErrorText _error = new ErrorText();

        public WindowCommand(RowPipeline rows)
        {
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            var drift = _rows.Drift;
            if (drift == null)
            {
                _error.Text = "no drift profile loaded";
                length = _error.Write(reply, at);
                return LinkStatus.Failed;
            }
            int columns = drift.Profile.Columns.Length;
            int first = _request.FirstColumn;
            if (first > columns) return LinkStatus.BadRequest;
            int count = _request.Count;
            if (count > columns - first) count = columns - first;
            if (count > WindowPage.ColumnsPerPage) count = WindowPage.ColumnsPerPage;
            _page.Fill(drift, first, count);
            length = _page.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}

using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`capture-read`: captured rows from FirstRow, as many as asked and fit a frame.</summary>
    public sealed class CaptureReadCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly int[] _row;
        private readonly CaptureReadRequest _request = new CaptureReadRequest();

        public CaptureReadCommand(RowPipeline rows, int[] rowBuffer)
        {
            _rows = rows;
            _row = rowBuffer;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            var drift = _rows.Drift;
            if (drift == null) return LinkStatus.BadRequest;
            var capture = drift.Capture;
            if (capture.Columns > _row.Length) return LinkStatus.Failed;
            int first = _request.FirstRow;
            int count = _request.Count;
            int fit = LinkFrame.MaxPayload / CapturePage.RowBytes(capture.Columns);
            if (count > fit) count = fit;
            if (first > capture.Count) return LinkStatus.BadRequest;
            if (count > capture.Count - first) count = capture.Count - first;
            int p = at;
            for (int i = first; i < first + count; i++)
            {
                bool anomalous;
                long sample = capture.CopyRow(i, _row, 0, out anomalous);
                p = CapturePage.WriteRow(reply, p, sample, anomalous, _row, 0, capture.Columns);
            }
            length = p - at;
            return LinkStatus.Ok;
        }
    }
}

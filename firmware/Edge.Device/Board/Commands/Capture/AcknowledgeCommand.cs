using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>
    /// `acknowledge`: clears the drift alarm and releases the capture, but only if the host names
    /// the frozen capture it stored: otherwise busy, with the capture's info, and nothing changes.
    /// </summary>
    public sealed class AcknowledgeCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly AcknowledgeRequest _request = new AcknowledgeRequest();
        private readonly CaptureInfo _info = new CaptureInfo();

        public AcknowledgeCommand(RowPipeline rows)
        {
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            var drift = _rows.Drift;
            if (drift == null) return LinkStatus.Ok;
            if (drift.Capture.State == CaptureState.Frozen && drift.Capture.Count > 0 && _request.StoredCaptureWindow != drift.Capture.FrozenAtWindow)
            {
                CaptureInfoCommand.Describe(drift, _info);
                length = _info.Write(reply, at);
                return LinkStatus.Busy;
            }
            drift.Acknowledge();
            return LinkStatus.Ok;
        }
    }
}

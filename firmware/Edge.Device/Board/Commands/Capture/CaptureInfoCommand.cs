using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`capture-info`: the retraining capture's state and size.</summary>
    public sealed class CaptureInfoCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly CaptureInfo _reply = new CaptureInfo();

        public CaptureInfoCommand(RowPipeline rows)
        {
            _rows = rows;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            request.ExpectEnd("capture-info");
            Describe(_rows.Drift, _reply);
            length = _reply.Write(reply, at);
            return LinkStatus.Ok;
        }

        public static void Describe(DriftMonitor drift, CaptureInfo info)
        {
            info.State = drift == null ? CaptureState.Idle : drift.Capture.State;
            info.Rows = drift == null ? 0 : drift.Capture.Count;
            info.Columns = drift == null ? 0 : drift.Capture.Columns;
            info.FrozenAtWindow = drift == null || drift.Capture.State != CaptureState.Frozen ? 0 : drift.Capture.FrozenAtWindow;
        }
    }
}

using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>
    /// `rows`: runs each row through the model and the drift monitor, in order, until all are
    /// taken or one completes a drift window (one window per reply, so the host reads every
    /// window's report). Rows that would not land where they belong (not at the session's row
    /// position, or sent before the host saw the last window close) are refused with bad-offset.
    /// </summary>
    public sealed class RowsCommand : CommandHandler
    {
        private readonly RowPipeline _rows;
        private readonly LinkSession _session;
        private readonly TelemetrySchedule _telemetry;
        private readonly float[] _floats;
        private readonly int[] _bits;
        private readonly RowsRequest _request = new RowsRequest();
        private readonly RowsReply _reply = new RowsReply();

        public RowsCommand(RowPipeline rows, LinkSession session, TelemetrySchedule telemetry, float[] floats, int[] bits)
        {
            _rows = rows;
            _session = session;
            _telemetry = telemetry;
            _floats = floats;
            _bits = bits;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            length = 0;
            int width = _rows.RowWidth;
            if (width == 0) return LinkStatus.NoModel;
            if (_request.ValueCount != _request.Count * width) return LinkStatus.BadRequest;
            int taken = 0;
            byte status = LinkStatus.Ok;
            if (_request.FirstRow != _session.RowPosition || _request.Windows != Windows()) status = LinkStatus.BadOffset;
            while (status == LinkStatus.Ok && taken < _request.Count)
            {
                _request.CopyRow(taken, width, _floats, _bits);
                taken++;
                if (_rows.Process(_floats, _bits, 0))
                {
                    _telemetry.WindowPending = true;
                    break;
                }
            }
            _session.RowPosition += taken;
            _reply.Taken = taken;
            _reply.Samples = _rows.Samples;
            _reply.WindowsCompleted = Windows();
            _reply.NextRow = _session.RowPosition;
            length = _reply.Write(reply, at);
            return status;
        }

        private long Windows()
        {
            return _rows.Drift == null ? 0 : _rows.Drift.WindowsCompleted;
        }
    }
}

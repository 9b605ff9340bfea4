using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`telemetry`: what the board sends unasked for the rest of this session.</summary>
    public sealed class TelemetryCommand : CommandHandler
    {
        private readonly TelemetrySchedule _schedule;
        private readonly TelemetrySettings _request = new TelemetrySettings();

        public TelemetryCommand(TelemetrySchedule schedule)
        {
            _schedule = schedule;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            _schedule.StatusIntervalMs = _request.StatusIntervalMs;
            _schedule.WindowReports = _request.WindowReports;
            length = 0;
            return LinkStatus.Ok;
        }
    }
}

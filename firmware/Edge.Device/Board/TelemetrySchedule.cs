namespace Edge.Device.Board
{
    /// <summary>What the board sends unasked in the current session, and when: set by `telemetry`, reset when a session opens.</summary>
    public sealed class TelemetrySchedule
    {
        private readonly int _defaultIntervalMs;

        public TelemetrySchedule(int defaultIntervalMs)
        {
            _defaultIntervalMs = defaultIntervalMs;
            Reset();
        }

        public int StatusIntervalMs;
        public bool WindowReports;
        public long LastStatusMicros;

        /// <summary>A window closed and its report is not sent yet.</summary>
        public bool WindowPending;

        public void Reset()
        {
            StatusIntervalMs = _defaultIntervalMs;
            WindowReports = false;
        }
    }
}

namespace Edge.Device.Link
{
    /// <summary>Kinds of unsolicited telemetry frames.</summary>
    public static class TelemetryKind
    {
        public const byte Status = 1;
        public const byte Window = 2;
    }
}

namespace Edge.Device.Link
{
    /// <summary>Response status codes (firmware/docs/link-protocol.md).</summary>
    public static class LinkStatus
    {
        public const byte Ok = 0;
        public const byte UnknownCommand = 1;
        public const byte BadRequest = 2;
        public const byte UnsupportedVersion = 3;
        public const byte NoModel = 4;
        public const byte TooLarge = 5;
        public const byte BadOffset = 6;
        public const byte ChecksumMismatch = 7;
        public const byte InvalidFile = 8;
        public const byte Busy = 9;
        public const byte Failed = 10;

        /// <summary>The request names a session the board is not in: it restarted, or another host opened one since. Not run.</summary>
        public const byte StaleSession = 11;

        /// <summary>The request id is not the next one the board expects: not run; the payload names the id expected.</summary>
        public const byte OutOfOrder = 12;

        public static string Name(byte status)
        {
            switch (status)
            {
                case Ok: return "ok";
                case UnknownCommand: return "unknown-command";
                case BadRequest: return "bad-request";
                case UnsupportedVersion: return "unsupported-version";
                case NoModel: return "no-model";
                case TooLarge: return "too-large";
                case BadOffset: return "bad-offset";
                case ChecksumMismatch: return "checksum-mismatch";
                case InvalidFile: return "invalid-file";
                case Busy: return "busy";
                case Failed: return "failed";
                case StaleSession: return "stale-session";
                case OutOfOrder: return "out-of-order";
                default: return "status-" + status.ToString();
            }
        }
    }
}

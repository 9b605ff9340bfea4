namespace Edge.Device.Board
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
                default: return "status-" + status.ToString();
            }
        }
    }
}

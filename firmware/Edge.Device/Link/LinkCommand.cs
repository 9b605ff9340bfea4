namespace Edge.Device.Link
{
    /// <summary>Command ids of the board link (firmware/docs/link-protocol.md).</summary>
    public static class LinkCommand
    {
        public const byte Hello = 0x01;
        public const byte Status = 0x02;
        public const byte Ping = 0x03;
        public const byte UploadBegin = 0x10;
        public const byte UploadChunk = 0x11;
        public const byte UploadCommit = 0x12;
        public const byte UploadStatus = 0x13;
        public const byte ConfigureRows = 0x20;
        public const byte Rows = 0x21;
        public const byte SetVector = 0x30;
        public const byte Infer = 0x31;
        public const byte Window = 0x40;
        public const byte Telemetry = 0x41;
        public const byte CaptureInfo = 0x50;
        public const byte CaptureRead = 0x51;
        public const byte Acknowledge = 0x52;

        public static string Name(byte command)
        {
            switch (command)
            {
                case Hello: return "hello";
                case Status: return "status";
                case Ping: return "ping";
                case UploadBegin: return "upload-begin";
                case UploadChunk: return "upload-chunk";
                case UploadCommit: return "upload-commit";
                case UploadStatus: return "upload-status";
                case ConfigureRows: return "configure-rows";
                case Rows: return "rows";
                case SetVector: return "set-vector";
                case Infer: return "infer";
                case Window: return "window";
                case Telemetry: return "telemetry";
                case CaptureInfo: return "capture-info";
                case CaptureRead: return "capture-read";
                case Acknowledge: return "acknowledge";
                default: return "command-0x" + command.ToString("X2");
            }
        }
    }
}

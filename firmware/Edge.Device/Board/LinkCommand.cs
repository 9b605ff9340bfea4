namespace Edge.Device.Board
{
    /// <summary>Command ids of the board link (firmware/docs/link-protocol.md).</summary>
    public static class LinkCommand
    {
        public const byte Hello = 0x01;
        public const byte Status = 0x02;
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

        /// <summary>Commands whose effect must not repeat when a request is resent: their responses are remembered.</summary>
        public static bool ChangesState(byte command)
        {
            return command == UploadBegin || command == UploadChunk || command == UploadCommit || command == ConfigureRows
                || command == Rows || command == SetVector || command == Infer || command == Acknowledge;
        }
    }
}

namespace Edge.Device.Board
{
    /// <summary>What an upload carries.</summary>
    public static class UploadKind
    {
        public const byte None = 0;
        public const byte Model = 1;
        public const byte DriftProfile = 2;

        public static bool IsValid(byte kind)
        {
            return kind == Model || kind == DriftProfile;
        }
    }
}

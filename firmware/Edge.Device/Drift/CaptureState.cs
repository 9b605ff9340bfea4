namespace Edge.Device.Drift
{
    /// <summary>States of the retraining <see cref="CaptureBuffer"/>.</summary>
    public static class CaptureState
    {
        /// <summary>Not recording.</summary>
        public const byte Idle = 0;

        /// <summary>A threshold was exceeded: keeping the most recent rows.</summary>
        public const byte Armed = 1;

        /// <summary>Drift was confirmed: the rows are kept unchanged until the host fetches and releases them.</summary>
        public const byte Frozen = 2;

        public static string Name(byte state)
        {
            switch (state)
            {
                case Idle: return "idle";
                case Armed: return "armed";
                case Frozen: return "frozen";
                default: return "unknown";
            }
        }
    }
}

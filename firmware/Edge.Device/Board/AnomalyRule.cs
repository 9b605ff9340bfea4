namespace Edge.Device.Board
{
    /// <summary>How the board flags a sample as anomalous (firmware/docs/link-protocol.md, configure-rows).</summary>
    public static class AnomalyRule
    {
        public const byte None = 0;

        /// <summary>The model's first output at or above the threshold (a fault probability, an anomaly score).</summary>
        public const byte OutputAtLeast = 1;

        /// <summary>The model's first output below the threshold.</summary>
        public const byte OutputBelow = 2;

        /// <summary>The drift profile's out-of-profile check (no model needed).</summary>
        public const byte OutOfProfile = 3;

        public static bool IsValid(byte rule)
        {
            return rule <= OutOfProfile;
        }
    }
}

namespace Edge.Device.Drift
{
    /// <summary>How the detection policy judged a window.</summary>
    public static class WindowVerdict
    {
        /// <summary>Not drifting.</summary>
        public const byte Clean = 0;

        /// <summary>Drifting, but not yet for the required number of consecutive windows.</summary>
        public const byte Drifting = 1;

        /// <summary>Drifting for the required number of consecutive windows: drift is confirmed (alarm).</summary>
        public const byte Confirmed = 2;

        /// <summary>The drift came from a burst of anomalous samples: without them the window does not drift.</summary>
        public const byte AnomalyBurst = 3;

        public static string Name(byte verdict)
        {
            switch (verdict)
            {
                case Clean: return "clean";
                case Drifting: return "drifting";
                case Confirmed: return "confirmed";
                case AnomalyBurst: return "anomaly-burst";
                default: return "unknown";
            }
        }
    }
}

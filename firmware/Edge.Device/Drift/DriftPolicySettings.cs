namespace Edge.Device.Drift
{
    /// <summary>The detection policy's settings, as stored in the profile. Fractions are Q16 (65536 = 1.0).</summary>
    public sealed class DriftPolicySettings
    {
        /// <summary>Default tumbling window length in samples.</summary>
        public int WindowSize;

        /// <summary>Share of feature columns that must drift for dataset drift (Evidently: 0.5).</summary>
        public int DriftShareQ16;

        /// <summary>Drift is confirmed after this many consecutive drifting windows (and cleared after as many clean ones).</summary>
        public int ConsecutiveWindows;

        /// <summary>See <see cref="CombineMode"/>.</summary>
        public byte CombineMode;

        /// <summary>Anomaly rate at or above which a drifting window is checked for being an anomaly burst.</summary>
        public int BurstRateQ16;

        /// <summary>A burst check needs at least this share of non-anomalous samples in the window.</summary>
        public int MinNormalShareQ16;

        /// <summary>The decayed histogram decays every this many samples ...</summary>
        public int DecayBlock;

        /// <summary>... by 2^-DecayShift; its memory is about DecayBlock * 2^DecayShift samples.</summary>
        public int DecayShift;

        /// <summary>Rows the retraining capture ring keeps (0 disables capture).</summary>
        public int CaptureRows;

        /// <summary>Significance level of the KS, chi-square and Z tests.</summary>
        public int AlphaQ16;

        /// <summary>c(alpha) = sqrt(-ln(alpha/2)/2): every binned column's KS test rejects when D exceeds c(alpha) sqrt(1/N + 1/M).</summary>
        public int KsCoefficientQ16;

        /// <summary>The |z| beyond which the two-proportion Z test rejects at alpha.</summary>
        public int ZCriticalQ16;

        /// <summary>A row is out of profile when at least this many binned features lie outside the reference range.</summary>
        public int OutOfProfileMinFeatures;
    }
}

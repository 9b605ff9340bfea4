namespace Edge.Device.Drift
{
    /// <summary>
    /// The test that decides whether a column drifted in a window. Distances drift when the value
    /// is at or above the column's threshold (Evidently's rule); KS, chi-square and Z drift when the
    /// statistic is beyond the critical value for the column's alpha, computed by the host.
    /// </summary>
    public static class DriftTest
    {
        public const byte Psi = 1;
        public const byte KullbackLeibler = 2;
        public const byte JensenShannon = 3;
        public const byte Hellinger = 4;
        public const byte TotalVariation = 5;
        public const byte KolmogorovSmirnov = 6;
        public const byte Wasserstein = 7;
        public const byte ChiSquare = 8;
        public const byte ZTest = 9;

        public static bool IsValidFor(byte test, byte kind)
        {
            if (test < Psi || test > ZTest) return false;
            bool binned = ColumnKind.IsBinned(kind);
            if (test == KolmogorovSmirnov || test == Wasserstein) return binned;
            if (test == ChiSquare || test == ZTest) return !binned;
            return true;
        }

        public static string Name(byte test)
        {
            switch (test)
            {
                case Psi: return "psi";
                case KullbackLeibler: return "kl";
                case JensenShannon: return "js";
                case Hellinger: return "hellinger";
                case TotalVariation: return "tvd";
                case KolmogorovSmirnov: return "ks";
                case Wasserstein: return "wasserstein";
                case ChiSquare: return "chi2";
                case ZTest: return "z";
                default: return "unknown";
            }
        }
    }
}

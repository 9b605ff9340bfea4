namespace Edge.Device.Drift
{
    /// <summary>
    /// Every metric of every column for one evaluated histogram (a tumbling window, the decayed
    /// histogram, or a window's non-anomalous samples), plus the window-level decisions. All
    /// values are Q16.16 in an int (65536 = 1.0); a value of 32768 or more, or an infinite one (a
    /// chi-square with a category the reference never saw), is reported as <see cref="Saturated"/>.
    /// Sized once for a profile; evaluation overwrites it in place.
    /// </summary>
    public sealed class DriftReport
    {
        /// <summary>32768 or more, or infinite; also a bound that is not known.</summary>
        public const int Saturated = int.MaxValue;

        public DriftReport(int columns)
        {
            Columns = columns;
            Psi = new int[columns];
            Kl = new int[columns];
            Js = new int[columns];
            Hellinger = new int[columns];
            Tvd = new int[columns];
            Ks = new int[columns];
            KsUpper = new int[columns];
            KsCritical = new int[columns];
            Wasserstein = new int[columns];
            WassersteinBound = new int[columns];
            ChiSquare = new int[columns];
            Z = new int[columns];
            Drifted = new bool[columns];
            Missing = new int[columns];
        }

        public int Columns;

        /// <summary>Population stability index, empty shares as 1e-4.</summary>
        public int[] Psi;

        /// <summary>KL(reference || current), empty shares as 1e-4, normalised like scipy.stats.entropy.</summary>
        public int[] Kl;

        /// <summary>Jensen-Shannon distance, natural log (scipy's default).</summary>
        public int[] Js;

        public int[] Hellinger;

        /// <summary>Total variation distance: half the L1 distance between the share vectors.</summary>
        public int[] Tvd;

        /// <summary>KS statistic from the binned CDFs: a lower bound of the raw-data statistic ...</summary>
        public int[] Ks;

        /// <summary>... and this is an upper bound of it (the CDFs may move anywhere inside a bin).</summary>
        public int[] KsUpper;

        /// <summary>c(alpha) * sqrt(1/N + 1/M): the KS test rejects when Ks exceeds it.</summary>
        public int[] KsCritical;

        /// <summary>Wasserstein-1 distance divided by max(reference std, 0.001), from the binned CDFs.</summary>
        public int[] Wasserstein;

        /// <summary>An upper bound of |Wasserstein - the raw-data value| (Saturated where current tails are not tracked).</summary>
        public int[] WassersteinBound;

        /// <summary>Chi-square statistic (categorical columns).</summary>
        public int[] ChiSquare;

        /// <summary>Two-proportion Z statistic (two-category columns): reference share minus current share of the second category, over its standard error.</summary>
        public int[] Z;

        /// <summary>The column's test says it drifted.</summary>
        public bool[] Drifted;

        /// <summary>Values missing (NaN) in this column in the window: counted, kept out of its histogram.</summary>
        public int[] Missing;

        /// <summary>Samples behind this evaluation.</summary>
        public int Samples;

        /// <summary>Of those, samples flagged anomalous.</summary>
        public int Anomalies;

        /// <summary>Feature columns (not predictions) that drifted, and their share of all feature columns.</summary>
        public int DriftedFeatures;
        public int DriftShareQ16;

        /// <summary>Dataset drift: the drifted share reached the policy's drift share.</summary>
        public bool DataDrift;

        /// <summary>A prediction column drifted.</summary>
        public bool PredictionDrift;

        /// <summary>Some column's test fired.</summary>
        public bool AnyColumnDrifted;

        /// <summary>Data and prediction drift combined as the policy says: this window counts as drifting.</summary>
        public bool Drifting;
    }
}

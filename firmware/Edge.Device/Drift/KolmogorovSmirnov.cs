using Edge.Device.Numerics;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Two-sample Kolmogorov-Smirnov from binned CDFs. At the bin edges the CDFs are exact, so
    /// D_binned = max |Ca - Ce| over the edges is a lower bound of the raw-data statistic; inside a
    /// bin each CDF can move anywhere within the bin's share, so
    /// D_upper = max over bins of max(|Ca(i) - Ce(i-1)|, |Ca(i-1) - Ce(i)|) bounds it from above.
    /// The test at alpha rejects when D_binned &gt; c(alpha) sqrt(1/N + 1/M), the asymptotic critical
    /// value with c(alpha) = sqrt(-ln(alpha/2)/2) (1.358 at 0.05); using the lower bound keeps the
    /// decision conservative. Integer arithmetic on counts: |Ca*M - Ce*n| needs no division.
    /// </summary>
    public static class KolmogorovSmirnov
    {
        [HotPath]
        public static void Evaluate(ProfileColumn col, HistogramView h, int coefficientQ16, DriftReport report, int index)
        {
            long referenceRows = col.ReferenceRows;
            long n = h.Total;
            long cumA = 0;
            long cumE = 0;
            long maxEdge = 0;
            long maxInside = 0;
            long previousA = 0;
            long previousE = 0;
            for (int i = 0; i < h.Slots; i++)
            {
                cumA += h.Count(i);
                cumE += col.RefCounts[i];
                long a = cumA * referenceRows;            // Ca(i) * n * M
                long e = cumE * n;                        // Ce(i) * n * M
                long atEdge = Abs(a - e);
                if (atEdge > maxEdge) maxEdge = atEdge;
                long up = Abs(a - previousE);
                long down = Abs(previousA - e);
                if (up > maxInside) maxInside = up;
                if (down > maxInside) maxInside = down;
                previousA = a;
                previousE = e;
            }
            long scale = n * referenceRows;
            report.Ks[index] = FixedMath.ToQ16(FixedMath.RatioQ30(maxEdge, scale), 30);
            report.KsUpper[index] = FixedMath.ToQ16(FixedMath.RatioQ30(maxInside, scale), 30);
            long inverseSizesQ60 = (FixedMath.OneQ30 << 30) / h.SampleCount + (FixedMath.OneQ30 << 30) / referenceRows;
            long rootQ30 = (long)FixedMath.Sqrt((ulong)inverseSizesQ60);
            report.KsCritical[index] = FixedMath.ToQ16((coefficientQ16 * rootQ30) >> 16, 30);
        }

        [HotPath]
        private static long Abs(long v)
        {
            return v < 0 ? -v : v;
        }
    }
}

using Edge.Device.Numerics;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Tests for categorical columns and predicted classes, as Evidently defines them:
    ///   chi-square = sum (o - E)^2 / E with E = R * N / M, i.e. N * sum (a - e)^2 / e; a category the
    ///   reference never saw makes it infinite (saturated);
    ///   two-proportion Z for two categories, coding the first category 0 and the rest 1:
    ///   z = (p_ref - p_cur) / sqrt(P (1 - P) (1/M + 1/N)), P the pooled share of "1".
    /// </summary>
    public static class CategoricalTests
    {
        [HotPath]
        public static int ChiSquare(ProfileColumn col, HistogramView h, long[] share)
        {
            long sumQ30 = 0;
            for (int i = 0; i < h.Slots; i++)
            {
                long e = col.RefShareQ30(i);
                long d = share[i] - e;
                if (e == 0)
                {
                    if (h.Count(i) > 0) return DriftReport.Saturated;
                    continue;
                }
                long term = (d * d) / e;                  // Q60 / Q30 = Q30
                if (term > long.MaxValue - sumQ30) return DriftReport.Saturated;
                sumQ30 += term;
            }
            long samples = h.SampleCount;
            if (sumQ30 > long.MaxValue / samples) return DriftReport.Saturated;
            return FixedMath.ToQ16(sumQ30 * samples, 30);
        }

        [HotPath]
        public static int Z(ProfileColumn col, HistogramView h, long[] share)
        {
            long referenceRows = col.ReferenceRows;
            long samples = h.SampleCount;
            long pRef = FixedMath.OneQ30 - col.RefShareQ30(0);   // share coded 1 in the reference
            long pCur = FixedMath.OneQ30 - share[0];             // ... and in the current window
            // Pooled share of "1": (R1 + C1) / (M + N), with C1 in whole samples.
            long onesRef = referenceRows - col.RefCounts[0];
            long onesCur = (h.Total - h.Count(0)) >> h.UnitShift;
            long pooled = FixedMath.RatioQ30(onesRef + onesCur, referenceRows + samples);
            ulong spread = FixedMath.Sqrt((ulong)(pooled * (FixedMath.OneQ30 - pooled)));            // sqrt(P(1-P)), Q30
            long inverseSizesQ60 = (FixedMath.OneQ30 << 30) / referenceRows + (FixedMath.OneQ30 << 30) / samples;
            ulong sizes = FixedMath.Sqrt((ulong)inverseSizesQ60);                                    // Q30
            long standardError = (long)((spread * sizes) >> 30);                                     // Q30
            if (standardError == 0) return 0;                                                        // both sides one value: no evidence
            long diff = pRef - pCur;
            long zQ16 = (diff << 16) / standardError;
            if (zQ16 > int.MaxValue) return int.MaxValue;
            if (zQ16 < -int.MaxValue) return -int.MaxValue;
            return (int)zQ16;
        }
    }
}

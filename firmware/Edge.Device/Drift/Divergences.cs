using Edge.Device.Numerics;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Share-based distances between a current histogram (shares a = c/n) and the reference
    /// (shares e = R/M), in the forms the data-science tools use (Evidently, scipy):
    ///   PSI  = sum (a' - e') ln(a'/e'), a' and e' with empty shares replaced by 1e-4;
    ///   KL   = sum e'' ln(e''/a''), a'' and e'' the substituted shares renormalised (scipy.stats.entropy);
    ///   JS   = sqrt(1/2 sum [a ln(2a/(a+e)) + e ln(2e/(a+e))]) (scipy.spatial.distance.jensenshannon, base e);
    ///   Hellinger = sqrt(1/2 sum (sqrt a - sqrt e)^2);  TVD = 1/2 sum |a - e|.
    /// Precision: logarithms are Q32 (error 2^-32), shares Q30, sums Q54 or Q60; the results'
    /// error before their final rounding to Q16 is below 1e-8 (derivation in firmware/docs/drift-metrics.md).
    /// </summary>
    public static class Divergences
    {
        /// <summary>Fills the current shares a (Q30), substituted shares a' (Q30) and ln a' (Q32); returns sum a' (Q30).</summary>
        [HotPath]
        public static long PrepareShares(HistogramView h, long[] share, long[] substShare, long[] lnSubstShare)
        {
            long lnTotal = FixedMath.LnQ32((ulong)h.Total);
            long substSum = 0;
            for (int i = 0; i < h.Slots; i++)
            {
                long c = h.Count(i);
                share[i] = FixedMath.RatioQ30(c, h.Total);
                if (c == 0)
                {
                    substShare[i] = ProfileColumn.EmptyShareQ30;
                    lnSubstShare[i] = ProfileColumn.LnEmptyShareQ32;
                }
                else
                {
                    substShare[i] = share[i];
                    lnSubstShare[i] = FixedMath.LnQ32((ulong)c) - lnTotal;
                }
                substSum += substShare[i];
            }
            return substSum;
        }

        /// <summary>PSI in Q16.</summary>
        [HotPath]
        public static int Psi(ProfileColumn col, int slots, long[] substShare, long[] lnSubstShare)
        {
            long sumQ54 = 0;
            for (int i = 0; i < slots; i++)
            {
                long diffQ30 = substShare[i] - col.RefSubstShareQ30(i);
                long lnDiffQ24 = (lnSubstShare[i] >> 8) - col.RefLnSubstShareQ24[i];
                sumQ54 += diffQ30 * lnDiffQ24;
            }
            return FixedMath.ToQ16(sumQ54, 54);
        }

        /// <summary>KL(reference || current) in Q16, normalised after substitution as scipy does.</summary>
        [HotPath]
        public static int Kl(ProfileColumn col, int slots, long[] lnSubstShare, long substSumQ30)
        {
            long sumQ54 = 0;
            for (int i = 0; i < slots; i++)
            {
                long lnRatioQ24 = col.RefLnSubstShareQ24[i] - (lnSubstShare[i] >> 8);
                sumQ54 += col.RefSubstShareQ30(i) * lnRatioQ24;
            }
            // sum(e'/Se ln((e'/Se)/(a'/Sa))) = (1/Se) sum e' ln(e'/a') + ln(Sa/Se)
            long scaledQ24 = sumQ54 / col.RefSubstSumQ30;
            long lnSumsQ32 = FixedMath.LnQ32((ulong)substSumQ30) - 30 * FixedMath.Ln2Q32 - col.RefLnSubstSumQ32;
            long klQ24 = scaledQ24 + (lnSumsQ32 >> 8);
            return FixedMath.ToQ16(klQ24 < 0 ? 0 : klQ24, 24);
        }

        /// <summary>
        /// Jensen-Shannon distance in Q16. Each slot's log ratios are taken on exact integers
        /// (2cM / (cM + Rn)) and kept in Q32, products in Q62: JS is the square root of a sum
        /// that tends to zero, so it needs the full precision of the logarithm (error 2^-32 per
        /// log gives at most 2.2e-5 in JS at JS = 0, less elsewhere). |partial sums| stay below
        /// 1.4 * 2^62 because each term is bounded by its share times ln 2 or by 1/e.
        /// </summary>
        [HotPath]
        public static int JensenShannon(ProfileColumn col, HistogramView h, long[] share)
        {
            long referenceRows = col.ReferenceRows;
            long n = h.Total;
            long sumQ62 = 0;
            for (int i = 0; i < h.Slots; i++)
            {
                long c = h.Count(i);
                long r = col.RefCounts[i];
                if (c == 0 && r == 0) continue;
                long e = col.RefShareQ30(i);
                if (c == 0) { sumQ62 += e * FixedMath.Ln2Q32; continue; }
                if (r == 0) { sumQ62 += share[i] * FixedMath.Ln2Q32; continue; }
                ulong cm = (ulong)c * (ulong)referenceRows;
                ulong rn = (ulong)r * (ulong)n;
                long lnSum = FixedMath.LnQ32(cm + rn);
                long lnA = FixedMath.LnQ32(cm << 1) - lnSum;
                long lnE = FixedMath.LnQ32(rn << 1) - lnSum;
                sumQ62 += share[i] * lnA + e * lnE;
            }
            long jsSquaredQ62 = sumQ62 >> 1;
            if (jsSquaredQ62 < 0) jsSquaredQ62 = 0;
            ulong jsQ31 = FixedMath.Sqrt((ulong)jsSquaredQ62);
            return FixedMath.ToQ16((long)jsQ31, 31);
        }

        /// <summary>Hellinger distance in Q16, from the cancellation-free form sqrt(1/2 sum (sqrt a - sqrt e)^2).</summary>
        [HotPath]
        public static int Hellinger(ProfileColumn col, int slots, long[] share)
        {
            ulong sumQ60 = 0;
            for (int i = 0; i < slots; i++)
            {
                long rootA = (long)FixedMath.Sqrt((ulong)share[i] << 30);
                long diff = rootA - col.RefSqrtShareQ30[i];
                sumQ60 += (ulong)(diff * diff);
            }
            ulong hQ30 = FixedMath.Sqrt(sumQ60 >> 1);
            return FixedMath.ToQ16((long)hQ30, 30);
        }

        /// <summary>Total variation distance in Q16, exact up to the final rounding: sum |cM - Rn| / (2nM).</summary>
        [HotPath]
        public static int TotalVariation(ProfileColumn col, HistogramView h)
        {
            long referenceRows = col.ReferenceRows;
            long sum = 0;
            for (int i = 0; i < h.Slots; i++)
            {
                long d = h.Count(i) * referenceRows - col.RefCounts[i] * h.Total;
                sum += d < 0 ? -d : d;
            }
            return FixedMath.ToQ16(FixedMath.RatioQ30(sum, 2 * h.Total * referenceRows), 30);
        }
    }
}

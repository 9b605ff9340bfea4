using Edge.Device.Numerics;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// Wasserstein-1 distance from binned CDFs, divided by max(reference std, 0.001) as Evidently's
    /// "normed" variant. W1 = integral |Fa - Fe| dx. Both CDFs are exact at the inner edges and
    /// modelled as linear inside each inner bin (mass spread evenly); each end bin is modelled as
    /// an even spread whose mean matches the samples' true mean beyond the outer edge (from the
    /// window's tail sums; the reference's come from the profile). The integral of |linear| over a
    /// segment is closed-form, so the estimate is exact for the modelled CDFs.
    ///
    /// Error bound (reported per window): inside a bin of width w a monotone CDF rising by share s
    /// departs from its chord by at most s*w/2 in integral; in an end bin whose samples have mean
    /// offset m and share s, the model departs from the truth by at most 2*s*m. So
    /// |estimate - W1| &lt;= sum over inner bins w*(a+e)/2 + sum over end bins 2*(a*ma + e*me),
    /// divided by the same norm. Without tail sums (the decayed histogram) the bound is unknown.
    /// Widths are normalised to Q20 sigmas (capped at 2^20), shares to Q20, products are Q40.
    /// </summary>
    public static class BinnedWasserstein
    {
        private const long WidthCapQ20 = 1L << 40;

        [HotPath]
        public static void Evaluate(ProfileColumn col, HistogramView h, DriftReport report, int index)
        {
            int[] edges = col.Edges;
            int last = edges.Length - 1;
            long n = h.Total;
            long m = col.ReferenceRows;
            long sigma = col.SigmaDivisor;

            // End-bin spreads: each end bin is even over [edge - 2*mean, edge] or [edge, edge + 2*mean].
            long lowCount = h.Count(0);
            long highCount = h.Count(h.Slots - 1);
            long curLowMean = h.TailsKnown && lowCount > 0 ? h.TailLow / lowCount : col.RefLowMeanOffset;
            long curHighMean = h.TailsKnown && highCount > 0 ? h.TailHigh / highCount : col.RefHighMeanOffset;
            long curLowStart = edges[0] - 2 * curLowMean;
            long refLowStart = edges[0] - 2 * (long)col.RefLowMeanOffset;
            long curHighEnd = edges[last] + 2 * curHighMean;
            long refHighEnd = edges[last] + 2 * (long)col.RefHighMeanOffset;

            long aLow = FixedMath.RatioQ30(lowCount, n);
            long eLow = FixedMath.RatioQ30(col.RefCounts[0], m);
            long totalQ40 = LowTail(edges[0], curLowStart, aLow, refLowStart, eLow, sigma);

            // Inner bins: CDF differences at consecutive edges, linear between.
            long boundQ40 = 0;
            long cumA = lowCount;
            long cumE = col.RefCounts[0];
            long previousDiff = aLow - eLow;
            for (int i = 1; i <= last; i++)
            {
                long count = h.Count(i);
                cumA += count;
                cumE += col.RefCounts[i];
                long diff = FixedMath.RatioQ30(cumA, n) - FixedMath.RatioQ30(cumE, m);
                long width = WidthQ20(edges[i] - (long)edges[i - 1], sigma);
                totalQ40 = SaturatingAdd(totalQ40, Segment(previousDiff >> 10, diff >> 10, width));
                long sharesQ20 = (FixedMath.RatioQ30(count, n) + col.RefShareQ30(i)) >> 10;
                boundQ40 = SaturatingAdd(boundQ40, (width * sharesQ20) >> 1);
                previousDiff = diff;
            }

            long aHigh = FixedMath.RatioQ30(highCount, n);
            long eHigh = FixedMath.RatioQ30(col.RefCounts[h.Slots - 1], m);
            totalQ40 = SaturatingAdd(totalQ40, HighTail(edges[last], curHighEnd, aHigh, refHighEnd, eHigh, sigma));
            report.Wasserstein[index] = FixedMath.ToQ16(totalQ40, 40);

            if (!h.TailsKnown)
            {
                report.WassersteinBound[index] = DriftReport.Saturated;
                return;
            }
            boundQ40 = SaturatingAdd(boundQ40, 2 * TailMass(aLow, curLowMean, sigma));
            boundQ40 = SaturatingAdd(boundQ40, 2 * TailMass(eLow, col.RefLowMeanOffset, sigma));
            boundQ40 = SaturatingAdd(boundQ40, 2 * TailMass(aHigh, curHighMean, sigma));
            boundQ40 = SaturatingAdd(boundQ40, 2 * TailMass(eHigh, col.RefHighMeanOffset, sigma));
            report.WassersteinBound[index] = FixedMath.ToQ16(boundQ40, 40);
        }

        /// <summary>
        /// Integral of |Fa - Fe| below the first edge, where Fa rises linearly from 0 at aStart to
        /// aShare at the edge and Fe from 0 at eStart to eShare. Knots: the two starts and the edge.
        /// </summary>
        [HotPath]
        private static long LowTail(long edge, long aStart, long aShare, long eStart, long eShare, long sigma)
        {
            long first = aStart < eStart ? aStart : eStart;
            long second = aStart < eStart ? eStart : aStart;
            long atSecond = Ramp(second, aStart, edge, aShare) - Ramp(second, eStart, edge, eShare);
            long atEdge = aShare - eShare;
            return SaturatingAdd(
                Segment(0, atSecond >> 10, WidthQ20(second - first, sigma)),
                Segment(atSecond >> 10, atEdge >> 10, WidthQ20(edge - second, sigma)));
        }

        /// <summary>
        /// Mirror of <see cref="LowTail"/> above the last edge, on the survival side: the mass left
        /// beyond x falls linearly from each share at the edge to 0 at that spread's end, and
        /// |Fa - Fe| equals the difference of the masses left.
        /// </summary>
        [HotPath]
        private static long HighTail(long edge, long aEnd, long aShare, long eEnd, long eShare, long sigma)
        {
            long first = aEnd < eEnd ? aEnd : eEnd;
            long second = aEnd < eEnd ? eEnd : aEnd;
            long atEdge = aShare - eShare;
            long atFirst = Remaining(first, edge, aEnd, aShare) - Remaining(first, edge, eEnd, eShare);
            return SaturatingAdd(
                Segment(atEdge >> 10, atFirst >> 10, WidthQ20(first - edge, sigma)),
                Segment(atFirst >> 10, 0, WidthQ20(second - first, sigma)));
        }

        /// <summary>share * (x - start) / (end - start), clipped to [0, share]; 0 for an empty spread (left limit).</summary>
        [HotPath]
        private static long Ramp(long x, long start, long end, long share)
        {
            if (x <= start || end <= start) return 0;
            if (x >= end) return share;
            return (share * FixedMath.RatioQ30(x - start, end - start)) >> 30;
        }

        /// <summary>Mass left beyond x when share spreads evenly over (edge, end].</summary>
        [HotPath]
        private static long Remaining(long x, long edge, long end, long share)
        {
            if (x >= end || end <= edge) return 0;
            if (x <= edge) return share;
            return (share * FixedMath.RatioQ30(end - x, end - edge)) >> 30;
        }

        /// <summary>
        /// Integral of |d| over a segment of normalised width w (Q20) where d runs linearly from d0 to
        /// d1 (Q20): w(|d0|+|d1|)/2 without a sign change, w(d0^2+d1^2)/(2(|d0|+|d1|)) with one. Q40.
        /// </summary>
        [HotPath]
        private static long Segment(long d0, long d1, long widthQ20)
        {
            if (widthQ20 == 0) return 0;
            long a0 = d0 < 0 ? -d0 : d0;
            long a1 = d1 < 0 ? -d1 : d1;
            long sum = a0 + a1;
            if (sum == 0) return 0;
            long heightQ20 = (d0 < 0) == (d1 < 0) || a0 == 0 || a1 == 0 ? sum : (a0 * a0 + a1 * a1) / sum;
            return (widthQ20 * heightQ20) >> 1;
        }

        /// <summary>A width in this column's fixed point as a multiple of sigma, Q20, capped.</summary>
        [HotPath]
        private static long WidthQ20(long width, long sigma)
        {
            if (width <= 0) return 0;
            if (width >= (1L << 42)) return WidthCapQ20;
            long w = (width << 20) / sigma;
            return w > WidthCapQ20 ? WidthCapQ20 : w;
        }

        /// <summary>share (Q30) times a mean offset in sigmas: Q40.</summary>
        [HotPath]
        private static long TailMass(long shareQ30, long meanOffset, long sigma)
        {
            return (WidthQ20(meanOffset, sigma) * (shareQ30 >> 10));
        }

        [HotPath]
        private static long SaturatingAdd(long a, long b)
        {
            long s = a + b;
            return s < a ? long.MaxValue : s;
        }
    }
}

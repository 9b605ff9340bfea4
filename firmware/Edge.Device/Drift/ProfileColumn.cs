using Edge.Device.Numerics;

namespace Edge.Device.Drift
{
    /// <summary>
    /// One column of a drift profile: what the file stores (edges or categories, reference counts,
    /// test and thresholds) and what is derived from it once at load time so that window
    /// evaluation does no logarithms or square roots of reference values.
    /// </summary>
    public sealed class ProfileColumn
    {
        /// <summary>Empty shares are replaced by 1e-4 for PSI and KL (Evidently's rule), here in Q30.</summary>
        public const long EmptyShareQ30 = 107374;

        /// <summary>round(ln(1e-4) * 2^32).</summary>
        public const long LnEmptyShareQ32 = -39558110683L;

        public string Name;
        public byte Kind;
        public byte Test;

        /// <summary>Histogram slots: bins for binned columns, categories + 1 ("unseen") for categorical ones.</summary>
        public int Slots;

        /// <summary>Fixed-point exponent of this column's values: stored value = round(x * 2^Shift).</summary>
        public int Shift;

        /// <summary>Distance threshold, or alpha for KS / chi-square / Z, in Q16.</summary>
        public int ThresholdQ16;

        /// <summary>For KS: c(alpha); chi-square: the critical statistic; Z: the critical |z|. Q16, computed by the host.</summary>
        public int CriticalQ16;

        /// <summary>Binned columns: Slots - 1 inner edges, non-decreasing; slot i holds (Edges[i-1], Edges[i]].</summary>
        public int[] Edges;

        /// <summary>Binned columns: mean distance of the reference's lowest bin below Edges[0], and of its highest bin above the last edge.</summary>
        public int RefLowMeanOffset;
        public int RefHighMeanOffset;

        /// <summary>Binned columns: max(reference std, 0.001) in this column's fixed point: Wasserstein is divided by it (Evidently's norm).</summary>
        public int SigmaDivisor;

        /// <summary>Binned columns: the reference minimum and maximum, for the out-of-profile check.</summary>
        public int RefMin;
        public int RefMax;

        /// <summary>Categorical columns: category names in slot order (the unseen slot has none).</summary>
        public string[] Categories;

        /// <summary>Reference count per slot.</summary>
        public long[] RefCounts;

        // Derived at load.
        public long[] RefShareQ30;
        public long[] RefCumulative;
        public long[] RefSqrtShareQ30;
        public long[] RefSubstShareQ30;
        public long[] RefLnSubstShareQ32;
        public long RefSubstSumQ30;
        public long RefLnSubstSumQ32;

        public bool IsBinned { [Edge.Device.Runtime.HotPath] get { return ColumnKind.IsBinned(Kind); } }

        /// <summary>Computes the derived reference arrays for <paramref name="referenceRows"/> reference samples.</summary>
        public void Prepare(long referenceRows)
        {
            RefShareQ30 = new long[Slots];
            RefCumulative = new long[Slots];
            RefSqrtShareQ30 = new long[Slots];
            RefSubstShareQ30 = new long[Slots];
            RefLnSubstShareQ32 = new long[Slots];
            long cumulative = 0;
            long lnRows = FixedMath.LnQ32((ulong)referenceRows);
            RefSubstSumQ30 = 0;
            for (int i = 0; i < Slots; i++)
            {
                long count = RefCounts[i];
                cumulative += count;
                RefCumulative[i] = cumulative;
                RefShareQ30[i] = FixedMath.RatioQ30(count, referenceRows);
                RefSqrtShareQ30[i] = (long)FixedMath.Sqrt((ulong)RefShareQ30[i] << 30);
                if (count == 0)
                {
                    RefSubstShareQ30[i] = EmptyShareQ30;
                    RefLnSubstShareQ32[i] = LnEmptyShareQ32;
                }
                else
                {
                    RefSubstShareQ30[i] = RefShareQ30[i];
                    RefLnSubstShareQ32[i] = FixedMath.LnQ32((ulong)count) - lnRows;
                }
                RefSubstSumQ30 += RefSubstShareQ30[i];
            }
            RefLnSubstSumQ32 = FixedMath.LnQ32((ulong)RefSubstSumQ30) - 30 * FixedMath.Ln2Q32;
        }
    }
}

using Edge.Device.Numerics;
using Edge.Device.Runtime;

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

        /// <summary>Distance threshold (for KS, chi-square and Z the profile's alpha), in Q16.</summary>
        public int ThresholdQ16;

        /// <summary>Categorical columns: the chi-square statistic beyond which p &lt; alpha (df = categories - 1), Q16, computed by the host.</summary>
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
        public int[] RefCounts;

        /// <summary>Reference rows (the sum of <see cref="RefCounts"/>).</summary>
        public long ReferenceRows;

        // Derived at load: the logarithms and square roots of the reference shares, so window
        // evaluation takes none of the reference's. Shares themselves are one division away and
        // are not stored: RAM is the board's scarcest resource.
        public int[] RefLnSubstShareQ24;
        public int[] RefSqrtShareQ30;
        public long RefSubstSumQ30;
        public long RefLnSubstSumQ32;

        /// <summary>Same test as <see cref="ColumnKind.IsBinned"/>, written out: it is asked several times per column per sample, and on nanoCLR a small instance getter is inlined while a static call costs a frame.</summary>
        public bool IsBinned { [Edge.Device.Runtime.HotPath] get { return Kind == ColumnKind.Numeric || Kind == ColumnKind.PredictionScore; } }

        /// <summary>The reference share of a slot, Q30.</summary>
        [HotPath]
        public long RefShareQ30(int slot)
        {
            return FixedMath.RatioQ30(RefCounts[slot], ReferenceRows);
        }

        /// <summary>The reference share with an empty share replaced by 1e-4 (for PSI and KL), Q30.</summary>
        [HotPath]
        public long RefSubstShareQ30(int slot)
        {
            return RefCounts[slot] == 0 ? EmptyShareQ30 : RefShareQ30(slot);
        }

        /// <summary>Computes the derived reference arrays; the counts must add up to the profile's reference rows.</summary>
        public void Prepare(long referenceRows)
        {
            ReferenceRows = referenceRows;
            RefSqrtShareQ30 = new int[Slots];
            RefLnSubstShareQ24 = new int[Slots];
            long lnRows = FixedMath.LnQ32((ulong)referenceRows);
            RefSubstSumQ30 = 0;
            for (int i = 0; i < Slots; i++)
            {
                int count = RefCounts[i];
                RefSqrtShareQ30[i] = (int)FixedMath.Sqrt((ulong)RefShareQ30(i) << 30);
                long lnQ32 = count == 0 ? LnEmptyShareQ32 : FixedMath.LnQ32((ulong)count) - lnRows;
                RefLnSubstShareQ24[i] = (int)(lnQ32 >> 8);
                RefSubstSumQ30 += RefSubstShareQ30(i);
            }
            RefLnSubstSumQ32 = FixedMath.LnQ32((ulong)RefSubstSumQ30) - 30 * FixedMath.Ln2Q32;
        }
    }
}

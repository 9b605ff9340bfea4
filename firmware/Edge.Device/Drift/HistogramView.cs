using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// The current side of one column, as the metrics read it: slot counts (in units of
    /// 2^-UnitShift samples), their total, and for tumbling windows the tail sums. A reusable
    /// holder, filled by <see cref="ColumnEvaluator"/> before each column so no metric allocates.
    /// </summary>
    public sealed class HistogramView
    {
        public ushort[] Counts;
        public int At;
        public int Slots;

        /// <summary>Sum of the counts (same units).</summary>
        public long Total;

        /// <summary>0 for window counts (one per sample), 4 for the decayed histogram (16 per sample).</summary>
        public int UnitShift;

        /// <summary>True when TailLow/TailHigh hold this histogram's tail sums.</summary>
        public bool TailsKnown;
        public long TailLow;
        public long TailHigh;

        /// <summary>Samples behind the histogram (Total in whole samples, at least 1).</summary>
        public long SampleCount
        {
            [HotPath]
            get
            {
                long n = Total >> UnitShift;
                return n < 1 ? 1 : n;
            }
        }

        [HotPath]
        public long Count(int slot)
        {
            return Counts[At + slot];
        }
    }
}

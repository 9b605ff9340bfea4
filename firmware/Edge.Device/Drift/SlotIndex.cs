using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>Which histogram slot a value falls in.</summary>
    public static class SlotIndex
    {
        /// <summary>
        /// Binned column: slot i holds (Edges[i-1], Edges[i]] with open ends, the numpy/oracle rule;
        /// found by binary search (4 comparisons at 16 bins). Categorical column: the category index,
        /// or the last ("unseen") slot for anything else.
        /// </summary>
        [HotPath]
        public static int Of(ProfileColumn column, int value)
        {
            if (!column.IsBinned)
            {
                int categories = column.Slots - 1;
                return value >= 0 && value < categories ? value : categories;
            }
            int[] edges = column.Edges;
            int lo = 0;
            int hi = edges.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (edges[mid] < value) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}

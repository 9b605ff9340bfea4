using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// A cheap anomaly flag for when no model supplies one: a row is out of profile when at least
    /// the policy's number of binned feature columns lie outside the reference's minimum..maximum.
    /// </summary>
    public static class OutOfProfile
    {
        [HotPath]
        public static bool Check(DriftProfile profile, int[] row, int offset)
        {
            int needed = profile.Policy.OutOfProfileMinFeatures;
            if (needed <= 0) return false;
            var columns = profile.Columns;
            int outside = 0;
            for (int c = 0; c < columns.Length; c++)
            {
                var col = columns[c];
                if (col.Kind != ColumnKind.Numeric) continue;
                int v = row[offset + c];
                if (v == Numerics.FixedPointInput.Missing) continue; // unknown, not out of range
                if (v < col.RefMin || v > col.RefMax)
                {
                    if (++outside >= needed) return true;
                }
            }
            return false;
        }
    }
}

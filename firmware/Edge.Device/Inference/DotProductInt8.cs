using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// The int8 dot product both MAC kernels share. Both rows are walked with running indices,
    /// four MACs per pass, so nanoCLR spends its IL ops (one interpreter dispatch each) on the
    /// multiply-adds rather than on index arithmetic: 14.25 IL ops per MAC in the loop. int32 sums
    /// wrap, so the grouping cannot change the result.
    /// </summary>
    public static class DotProductInt8
    {
        /// <summary>acc + Σ a[ai + k] · b[bi + k] for k in 0..count-1.</summary>
        [HotPath]
        public static int Accumulate(int acc, sbyte[] a, int ai, sbyte[] b, int bi, int count)
        {
            int bBlockEnd = bi + (count & ~3);
            int bEnd = bi + count;
            while (bi < bBlockEnd)
            {
                acc += a[ai] * b[bi] + a[ai + 1] * b[bi + 1] + a[ai + 2] * b[bi + 2] + a[ai + 3] * b[bi + 3];
                ai += 4;
                bi += 4;
            }
            while (bi < bEnd)
            {
                acc += a[ai] * b[bi];
                ai++;
                bi++;
            }
            return acc;
        }
    }
}

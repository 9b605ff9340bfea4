using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// Portable: .NET's cross-platform <see cref="Vector128"/> operations, which the JIT lowers to
/// AdvSimd on Arm64 and SSE on x86. Per tap, the column value (0..255) times eight channels'
/// weights as int16 (exact: |u·w| ≤ 32,640), widened into two int32 accumulators of four
/// channels. The requantisation is the reference's scalar code.
/// </summary>
internal sealed class Vector128Gemm : GemmKernel
{
    private const int Block = 8;

    public override SimdIsa Isa => SimdIsa.Vector128;

    public override PackedWeights Pack(sbyte[] weights, int at, int channels, int taps) =>
        new(weights, at, channels, taps, RoundUp(channels, Block),
            Interleave(weights, at, channels, taps, Block, 1, w => (short)w), PackedWeights.Sums(weights, at, channels, taps));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(GemmJob job)
    {
        Columns.Widen(job);
        var packed = job.Packed;
        int taps = packed.Taps;
        int positions = job.Positions;
        int stride = job.ColumnStride;
        ref short columns = ref MemoryMarshal.GetArrayDataReference(job.Columns16);
        ref short weights = ref MemoryMarshal.GetArrayDataReference((short[])packed.Data);
        ref int accumulators = ref MemoryMarshal.GetArrayDataReference(job.Accumulators);
        for (int o0 = 0; o0 < packed.PaddedChannels; o0 += Block)
        {
            var biasLow = Vector128.Create(job.Bias, o0);
            var biasHigh = Vector128.Create(job.Bias, o0 + 4);
            int count = Math.Min(Block, job.Channels - o0);
            ref short block = ref Unsafe.Add(ref weights, o0 * taps);
            for (int t = 0; t < positions; t++)
            {
                ref short column = ref Unsafe.Add(ref columns, t * stride);
                Vector128<int> low = biasLow, high = biasHigh;
                for (int j = 0; j < taps; j++)
                {
                    var products = Vector128.Create(Unsafe.Add(ref column, j)) * Vector128.LoadUnsafe(ref block, (nuint)(j * Block));
                    low += Vector128.WidenLower(products);
                    high += Vector128.WidenUpper(products);
                }
                low.StoreUnsafe(ref accumulators);
                high.StoreUnsafe(ref accumulators, 4);
                job.StoreScalar(o0, t, count);
            }
        }
    }
}

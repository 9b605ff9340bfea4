using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// AVX2: <c>vpmaddwd</c> multiplies 16-bit column values (0..255) by 16-bit weights and adds
/// adjacent pairs into int32 lanes; |u·w| ≤ 255·128, so the pair sums are exact. Lane l of a
/// block holds channel o0 + l; one broadcast dword carries two taps. Four positions share each
/// weight load.
/// </summary>
internal sealed class Avx2Gemm : GemmKernel
{
    private const int Block = 8;
    private const int Group = 2;

    public override SimdIsa Isa => SimdIsa.Avx2;

    public override PackedWeights Pack(sbyte[] weights, int at, int channels, int taps) =>
        new(weights, at, channels, taps, RoundUp(channels, Block),
            Interleave(weights, at, channels, taps, Block, Group, w => (short)w), PackedWeights.Sums(weights, at, channels, taps));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(GemmJob job)
    {
        Columns.Widen(job);
        var packed = job.Packed;
        int groups = RoundUp(packed.Taps, Group) / Group;
        int positions = job.Positions;
        int stride = job.ColumnStride;
        ref short columns = ref MemoryMarshal.GetArrayDataReference(job.Columns16);
        ref short weights = ref MemoryMarshal.GetArrayDataReference((short[])packed.Data);
        for (int o0 = 0; o0 < packed.PaddedChannels; o0 += Block)
        {
            var requantizer = new BlockRequantizer(job, o0);
            var bias = Vector256.Create(job.Bias, o0);
            ref short block = ref Unsafe.Add(ref weights, o0 * groups * Group);
            int t = 0;
            for (; t + 4 <= positions; t += 4)
            {
                ref short c0 = ref Unsafe.Add(ref columns, t * stride);
                ref short c1 = ref Unsafe.Add(ref c0, stride);
                ref short c2 = ref Unsafe.Add(ref c1, stride);
                ref short c3 = ref Unsafe.Add(ref c2, stride);
                Vector256<int> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector256.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    int j = g * Group;
                    a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Pair(ref c0, j), w));
                    a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(Pair(ref c1, j), w));
                    a2 = Avx2.Add(a2, Avx2.MultiplyAddAdjacent(Pair(ref c2, j), w));
                    a3 = Avx2.Add(a3, Avx2.MultiplyAddAdjacent(Pair(ref c3, j), w));
                }
                requantizer.Store(job, a0, o0, t);
                requantizer.Store(job, a1, o0, t + 1);
                requantizer.Store(job, a2, o0, t + 2);
                requantizer.Store(job, a3, o0, t + 3);
            }
            for (; t < positions; t++)
            {
                ref short c0 = ref Unsafe.Add(ref columns, t * stride);
                var a0 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector256.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Pair(ref c0, g * Group), w));
                }
                requantizer.Store(job, a0, o0, t);
            }
        }
    }

    /// <summary>Taps j and j + 1 of a column, broadcast to every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> Pair(ref short column, int j) =>
        Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref column, j)))).AsInt16();
}

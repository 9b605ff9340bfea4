using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// AVX-512BW: <see cref="Avx2Gemm"/>'s <c>vpmaddwd</c> on 512-bit vectors, sixteen channels per
/// block; each half is requantised with AVX2. (.NET 10 has no intrinsic for the 512-bit
/// <c>vpdpbusd</c> of AVX-512 VNNI: its 512-bit VNNI classes, <c>AvxVnniInt8.V512</c> and
/// <c>AvxVnniInt16.V512</c>, are AVX10.2 instructions, so a CPU with AVX-512 VNNI gets the
/// 256-bit <see cref="VnniGemm"/>.)
/// </summary>
internal sealed class Avx512Gemm : GemmKernel
{
    private const int Block = 16;
    private const int Group = 2;

    public override SimdIsa Isa => SimdIsa.Avx512;

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
            var low = new BlockRequantizer(job, o0);
            var high = new BlockRequantizer(job, o0 + 8);
            bool upperHalf = o0 + 8 < job.Channels;
            var bias = Vector512.Create(job.Bias, o0);
            ref short block = ref Unsafe.Add(ref weights, o0 * groups * Group);
            int t = 0;
            for (; t + 4 <= positions; t += 4)
            {
                ref short c0 = ref Unsafe.Add(ref columns, t * stride);
                ref short c1 = ref Unsafe.Add(ref c0, stride);
                ref short c2 = ref Unsafe.Add(ref c1, stride);
                ref short c3 = ref Unsafe.Add(ref c2, stride);
                Vector512<int> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector512.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    int j = g * Group;
                    a0 = Avx512F.Add(a0, Avx512BW.MultiplyAddAdjacent(Pair(ref c0, j), w));
                    a1 = Avx512F.Add(a1, Avx512BW.MultiplyAddAdjacent(Pair(ref c1, j), w));
                    a2 = Avx512F.Add(a2, Avx512BW.MultiplyAddAdjacent(Pair(ref c2, j), w));
                    a3 = Avx512F.Add(a3, Avx512BW.MultiplyAddAdjacent(Pair(ref c3, j), w));
                }
                Store(job, low, high, upperHalf, a0, o0, t);
                Store(job, low, high, upperHalf, a1, o0, t + 1);
                Store(job, low, high, upperHalf, a2, o0, t + 2);
                Store(job, low, high, upperHalf, a3, o0, t + 3);
            }
            for (; t < positions; t++)
            {
                ref short c0 = ref Unsafe.Add(ref columns, t * stride);
                var a0 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector512.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    a0 = Avx512F.Add(a0, Avx512BW.MultiplyAddAdjacent(Pair(ref c0, g * Group), w));
                }
                Store(job, low, high, upperHalf, a0, o0, t);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(GemmJob job, in BlockRequantizer low, in BlockRequantizer high, bool upperHalf, Vector512<int> acc, int o0, int t)
    {
        low.Store(job, acc.GetLower(), o0, t);
        if (upperHalf) high.Store(job, acc.GetUpper(), o0 + 8, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<short> Pair(ref short column, int j) =>
        Vector512.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.As<short, byte>(ref Unsafe.Add(ref column, j)))).AsInt16();
}

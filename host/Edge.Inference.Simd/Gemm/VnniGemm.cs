using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// AVX-VNNI: <c>vpdpbusd</c> adds, per int32 lane, four products of unsigned column bytes and
/// signed weights, without intermediate saturation and wrapping like the reference's int sums.
/// Lane l of a block holds channel o0 + l; one broadcast dword carries four taps of a position.
/// Four positions share each weight load.
/// </summary>
internal sealed class VnniGemm : GemmKernel
{
    private const int Block = 8;
    private const int Group = 4;

    public override SimdIsa Isa => SimdIsa.AvxVnni;

    public override PackedWeights Pack(sbyte[] weights, int at, int channels, int taps) =>
        new(weights, at, channels, taps, RoundUp(channels, Block),
            Interleave(weights, at, channels, taps, Block, Group, w => w), PackedWeights.Sums(weights, at, channels, taps));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(GemmJob job)
    {
        var packed = job.Packed;
        int groups = RoundUp(packed.Taps, Group) / Group;
        int positions = job.Positions;
        int stride = job.ColumnStride;
        ref byte columns = ref MemoryMarshal.GetArrayDataReference(job.Columns);
        ref sbyte weights = ref MemoryMarshal.GetArrayDataReference((sbyte[])packed.Data);
        for (int o0 = 0; o0 < packed.PaddedChannels; o0 += Block)
        {
            var requantizer = new BlockRequantizer(job, o0);
            var bias = Vector256.Create(job.Bias, o0);
            ref sbyte block = ref Unsafe.Add(ref weights, o0 * groups * Group);
            int t = 0;
            for (; t + 4 <= positions; t += 4)
            {
                ref byte c0 = ref Unsafe.Add(ref columns, t * stride);
                ref byte c1 = ref Unsafe.Add(ref c0, stride);
                ref byte c2 = ref Unsafe.Add(ref c1, stride);
                ref byte c3 = ref Unsafe.Add(ref c2, stride);
                Vector256<int> a0 = bias, a1 = bias, a2 = bias, a3 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector256.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    int j = g * Group;
                    a0 = AvxVnni.MultiplyWideningAndAdd(a0, Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref c0, j))).AsByte(), w);
                    a1 = AvxVnni.MultiplyWideningAndAdd(a1, Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref c1, j))).AsByte(), w);
                    a2 = AvxVnni.MultiplyWideningAndAdd(a2, Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref c2, j))).AsByte(), w);
                    a3 = AvxVnni.MultiplyWideningAndAdd(a3, Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref c3, j))).AsByte(), w);
                }
                requantizer.Store(job, a0, o0, t);
                requantizer.Store(job, a1, o0, t + 1);
                requantizer.Store(job, a2, o0, t + 2);
                requantizer.Store(job, a3, o0, t + 3);
            }
            for (; t < positions; t++)
            {
                ref byte c0 = ref Unsafe.Add(ref columns, t * stride);
                var a0 = bias;
                for (int g = 0; g < groups; g++)
                {
                    var w = Vector256.LoadUnsafe(ref block, (nuint)(g * Block * Group));
                    a0 = AvxVnni.MultiplyWideningAndAdd(a0, Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref c0, g * Group))).AsByte(), w);
                }
                requantizer.Store(job, a0, o0, t);
            }
        }
    }
}

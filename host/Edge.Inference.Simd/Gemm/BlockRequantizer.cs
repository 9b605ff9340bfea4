using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Edge.Inference.Simd.Gemm;

/// <summary>
/// TFLM's requantisation (<c>QuantMath.MultiplyByQuantizedMultiplier</c>, then the output zero
/// point and the activation clamp) on eight int32 accumulators at once with AVX2, bit for bit the
/// scalar code for every input, including the wrap of the left shift, INT32_MIN multipliers and
/// shifts of -31..30 (and C#'s modulo-32 shift counts beyond). Built once per block of eight
/// channels, applied at every position.
/// </summary>
internal readonly struct BlockRequantizer
{
    private readonly Vector256<int> _leftFactor;
    private readonly Vector256<int> _multiplier;
    private readonly Vector256<uint> _rightShift;
    private readonly Vector256<int> _zeroPoint;
    private readonly Vector256<int> _min;
    private readonly Vector256<int> _max;

    public BlockRequantizer(GemmJob job, int o0)
    {
        _leftFactor = Vector256.Create(job.LeftFactor, o0);
        _multiplier = Vector256.Create(job.Multiplier, o0);
        _rightShift = Vector256.Create(job.RightShift, o0).AsUInt32();
        _zeroPoint = Vector256.Create(job.ZeroPoint);
        _min = Vector256.Create(job.Min);
        _max = Vector256.Create(job.Max);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<int> Apply(Vector256<int> acc)
    {
        // x·2^left, wrapping as in C#.
        var x = Avx2.MultiplyLow(acc, _leftFactor);

        // SaturatingRoundingDoublingHighMul: floor((x·M + 2^30) / 2^31), the one overflow
        // (INT32_MIN²) saturating. The managed nudge-and-truncate gives this same number for
        // every product; vpmuldq forms the 64-bit products of the even lanes, then of the odd.
        var nudge = Vector256.Create(1L << 30);
        var even = Avx2.Add(Avx2.Multiply(x, _multiplier), nudge);
        var odd = Avx2.Add(Avx2.Multiply(Avx2.ShiftRightLogical(x.AsInt64(), 32).AsInt32(), Avx2.ShiftRightLogical(_multiplier.AsInt64(), 32).AsInt32()), nudge);
        // Bits 31..62 of each sum: a logical shift gives the same low 32 bits as an arithmetic one.
        var high = Avx2.Blend(Avx2.ShiftRightLogical(even, 31).AsInt32(), Avx2.ShiftLeftLogical(odd, 1).AsInt32(), 0b1010_1010);
        var minimum = Vector256.Create(int.MinValue);
        // INT32_MIN² comes out as INT32_MIN; flipping every bit makes it INT32_MAX.
        high = Avx2.Xor(high, Avx2.And(Avx2.CompareEqual(x, minimum), Avx2.CompareEqual(_multiplier, minimum)));

        // RoundingDivideByPOT: (x >> e) + (remainder > (mask >> 1) + [x < 0]), which is x for e = 0.
        var one = Vector256.Create(1);
        var mask = Avx2.Subtract(Avx2.ShiftLeftLogicalVariable(one, _rightShift), one);
        var remainder = Avx2.And(high, mask);
        var threshold = Avx2.Subtract(Avx2.ShiftRightLogical(mask, 1), Avx2.CompareGreaterThan(Vector256<int>.Zero, high));
        var q = Avx2.Subtract(Avx2.ShiftRightArithmeticVariable(high, _rightShift), Avx2.CompareGreaterThan(remainder, threshold));

        // + zero point; QuantMath.Clamp: below min gives min (even past max), else at most max.
        var v = Avx2.Add(q, _zeroPoint);
        return Avx2.BlendVariable(Avx2.Min(v, _max), _min, Avx2.CompareGreaterThan(_min, v));
    }

    /// <summary>The low byte of each lane (the (sbyte) cast), lane 0 in the lowest byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LowBytes(Vector256<int> v)
    {
        var picked = Avx2.Shuffle(v.AsByte(), Vector256.Create(
            (byte)0, 4, 8, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
            0, 4, 8, 12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80)).AsUInt32();
        return picked.GetElement(0) | (ulong)picked.GetElement(4) << 32;
    }

    /// <summary>Requantises the accumulators of channels o0..o0+7 at position t and writes the valid ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(GemmJob job, Vector256<int> acc, int o0, int t)
    {
        ulong bytes = LowBytes(Apply(acc));
        int count = Math.Min(8, job.Channels - o0);
        int at = job.OutputAt + t * job.PositionStride + o0 * job.ChannelStride;
        ref sbyte output = ref job.Output[at];   // bounds-checked: the first element
        if (job.ChannelStride == 1 && count == 8)
        {
            Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref output), bytes);
            return;
        }
        for (int l = 0; l < count; l++)
        {
            Unsafe.Add(ref output, l * job.ChannelStride) = (sbyte)(bytes >> (8 * l));
        }
    }
}

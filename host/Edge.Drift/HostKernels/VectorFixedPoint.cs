using System.Runtime.Intrinsics;
using Edge.Device.Numerics;

namespace Edge.Drift.HostKernels;

/// <summary>
/// The board's input conversion (<see cref="FixedPointInput.FromFloat"/>: the value as a float,
/// times 2^shift, rounded half away from zero, saturated to ±int.MaxValue, NaN missing) over a
/// column, 8 values per step, every result the reference's. The reference builds 2^shift by |shift|
/// multiplications for every value (the board has no Math.Pow), which made it the dearest step of
/// replay's encoding; here the power is built once per column, and the values past the last 8-lane
/// block (all of them without AVX2) take the same rule one at a time. Where the power is not a finite
/// non-zero float, the reference itself runs.
/// </summary>
public static class VectorFixedPoint
{
    /// <summary>Converts <paramref name="numbers"/> into <paramref name="rows"/>[<paramref name="at"/> + r * <paramref name="stride"/>].</summary>
    public static void FromFloat(ReadOnlySpan<double> numbers, int shift, int[] rows, int at, int stride) =>
        FromFloat(numbers, shift, rows, at, stride, Vector256.IsHardwareAccelerated);

    /// <summary>As above, with the 8-lane blocks on or off (tests check both ways on every machine).</summary>
    public static void FromFloat(ReadOnlySpan<double> numbers, int shift, int[] rows, int at, int stride, bool vectors)
    {
        int r = 0;
        float scale = (float)FixedPointInput.PowerOfTwo(shift);
        if (!(scale > 0 && float.IsFinite(scale)))
        {
            for (; r < numbers.Length; r++) rows[at + r * stride] = FixedPointInput.FromFloat((float)numbers[r], shift);
            return;
        }
        if (vectors && Vector256.IsHardwareAccelerated && numbers.Length >= 8)
        {
            Span<int> lanes = stackalloc int[8];
            var factor = Vector256.Create(scale);
            for (; r + 8 <= numbers.Length; r += 8)
            {
                var x = Vector256.Narrow(Vector256.Create(numbers.Slice(r, 4)), Vector256.Create(numbers.Slice(r + 4, 4)));
                Convert(x, factor).CopyTo(lanes);
                for (int i = 0, o = at + r * stride; i < 8; i++, o += stride) rows[o] = lanes[i];
            }
        }
        for (; r < numbers.Length; r++) rows[at + r * stride] = Convert((float)numbers[r] * scale);
    }

    /// <summary>The reference's rule on one value already scaled by the column's power of two.</summary>
    private static int Convert(float scaled)
    {
        if (float.IsNaN(scaled)) return FixedPointInput.Missing;
        if (scaled >= 2147483647f) return int.MaxValue;
        if (scaled <= -2147483647f) return -int.MaxValue;
        float magnitude = Math.Abs(scaled);
        int whole = (int)magnitude;
        if (magnitude - whole >= 0.5f) whole++;
        return scaled >= 0 ? whole : -whole;
    }

    /// <summary>The reference's rule on 8 lanes; the factor is finite and positive, so the product is NaN only where x is.</summary>
    private static Vector256<int> Convert(Vector256<float> x, Vector256<float> factor)
    {
        var scaled = x * factor;
        var magnitude = Vector256.Abs(scaled);
        // Truncate, then round on the exact remainder, as the reference does; lanes at or past
        // 2^31 (and NaN) convert to anything, and are replaced below.
        var whole = Vector256.ConvertToInt32(magnitude);
        var roundUp = Vector256.GreaterThanOrEqual(magnitude - Vector256.ConvertToSingle(whole), Vector256.Create(0.5f)).AsInt32();
        whole -= roundUp;
        var negative = Vector256.LessThan(scaled, Vector256<float>.Zero).AsInt32();
        var result = Vector256.ConditionalSelect(negative, -whole, whole);
        result = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(scaled, Vector256.Create(2147483647f)).AsInt32(), Vector256.Create(int.MaxValue), result);
        result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(scaled, Vector256.Create(-2147483647f)).AsInt32(), Vector256.Create(-int.MaxValue), result);
        return Vector256.ConditionalSelect(Vector256.Equals(scaled, scaled).AsInt32(), result, Vector256.Create(FixedPointInput.Missing));
    }
}

using System.Numerics;

namespace Edge.Inference.Tests;

/// <summary>
/// TFLM's double-rounding requantisation written from its definition with exact big integers,
/// independent of the device's int32/int64 code: the doubling high multiply is
/// floor((a·b + 2^30) / 2^31) (nearest, ties toward +infinity, saturating INT32_MIN²), and the
/// right shift rounds to nearest with ties away from zero.
/// </summary>
public static class TflmOracle
{
    public static int DoublingHighMul(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue) return int.MaxValue;
        return (int)FloorDiv((BigInteger)a * b + (BigInteger.One << 30), BigInteger.One << 31);
    }

    public static int DivideByPot(int x, int exponent)
    {
        if (exponent == 0) return x;
        BigInteger magnitude = BigInteger.Abs(x), half = BigInteger.One << (exponent - 1);
        var rounded = (magnitude + half) >> exponent;
        return (int)(x < 0 ? -rounded : rounded);
    }

    public static int Requantize(int x, int multiplier, int shift)
    {
        int left = Math.Max(shift, 0), right = Math.Max(-shift, 0);
        return DivideByPot(DoublingHighMul(unchecked(x * (1 << left)), multiplier), right);
    }

    public static int Clamp(int v, int min, int max) => Math.Min(Math.Max(v, min), max);

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        return r < 0 ? q - 1 : q;
    }

    /// <summary>A random multiplier in TFLM's normal form: M in [2^30, 2^31).</summary>
    public static int RandomMultiplier(Random random) => (1 << 30) + random.Next(1 << 30);
}

namespace Edge.Models.Quantization;

/// <summary>
/// TFLM's QuantizeMultiplier: a positive real multiplier m as (M, shift) with m ≈ M·2^(shift-31),
/// M in [2^30, 2^31): frexp, then M = round(q·2^31) half away from zero; q = 1 after rounding
/// becomes 2^30 with shift+1; shifts below -31 give (0, 0); above 30 saturate to (2^31-1, 30).
/// </summary>
public readonly record struct QuantizedMultiplier(int Multiplier, int Shift)
{
    public static QuantizedMultiplier From(double real)
    {
        if (!(real >= 0) || double.IsInfinity(real)) throw new ArgumentException($"multiplier {real} must be finite and not negative");
        if (real == 0) return new QuantizedMultiplier(0, 0);
        int shift = Math.ILogB(real) + 1;            // frexp: real = q·2^shift, q in [0.5, 1)
        double q = Math.ScaleB(real, -shift);
        long fixedPoint = (long)Math.Round(q * (1L << 31), MidpointRounding.AwayFromZero);
        if (fixedPoint == 1L << 31)
        {
            fixedPoint /= 2;
            shift++;
        }
        if (shift < -31) return new QuantizedMultiplier(0, 0);
        if (shift > 30) return new QuantizedMultiplier(int.MaxValue, 30);
        return new QuantizedMultiplier((int)fixedPoint, shift);
    }

    /// <summary>The real multiplier the pair stands for.</summary>
    public double Real => Multiplier * Math.Pow(2, Shift - 31);
}

namespace Edge.Models.Quantization;

/// <summary>
/// Affine int8 quantisation real = Scale·(q - ZeroPoint), chosen from a range so that the range
/// maps onto [-128, 127]. The scale is kept as float32, exactly as the file stores it, so every
/// multiplier the converter derives uses the value the device reads.
/// </summary>
public readonly record struct AffineQuantization(float Scale, int ZeroPoint)
{
    /// <summary>
    /// The quantisation covering [min, max]. With <paramref name="includeZero"/> the range is
    /// widened to contain 0 so that zero (padding, ReLU) is exact, as TFLite requires.
    /// </summary>
    public static AffineQuantization FromRange(double min, double max, bool includeZero = true)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) throw new ArgumentException($"range [{min}, {max}] is not finite");
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        if (max - min < 1e-9 * Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max))))
        {
            // A constant tensor: any small step represents it.
            double pad = Math.Max(Math.Max(Math.Abs(min), Math.Abs(max)), 1e-6);
            min -= pad;
            max += pad;
        }
        float scale = (float)((max - min) / 255.0);
        int zeroPoint = (int)Math.Round(-128 - min / scale, MidpointRounding.AwayFromZero);
        if (includeZero) zeroPoint = Math.Clamp(zeroPoint, -128, 127);
        return new AffineQuantization(scale, zeroPoint);
    }

    public int Quantize(double real) => Math.Clamp((int)Math.Round(real / Scale, MidpointRounding.AwayFromZero) + ZeroPoint, -128, 127);

    public double Dequantize(int q) => Scale * (double)(q - ZeroPoint);
}

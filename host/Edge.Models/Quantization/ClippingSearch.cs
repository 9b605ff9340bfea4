namespace Edge.Models.Quantization;

/// <summary>
/// Chooses an activation's quantisation range by mean squared error instead of min/max: the
/// calibrated range is shrunk step by step toward zero, and the candidate whose int8
/// round trip loses least on the calibration sample wins. Rare outliers then saturate instead of
/// coarsening every other value (the idea behind percentile and MSE calibrators).
/// </summary>
public static class ClippingSearch
{
    private const int Steps = 40;
    private const double SmallestFraction = 0.2;

    public static (double Min, double Max) Choose((double Min, double Max) range, IReadOnlyList<float> sample)
    {
        double min = Math.Min(range.Min, 0), max = Math.Max(range.Max, 0);
        if (sample.Count == 0 || max - min <= 0) return range;
        var best = (Min: min, Max: max);
        double bestError = double.PositiveInfinity;
        for (int step = 0; step <= Steps; step++)
        {
            double fraction = 1 - (1 - SmallestFraction) * step / Steps;
            var q = AffineQuantization.FromRange(min * fraction, max * fraction);
            double error = 0;
            foreach (float x in sample)
            {
                double e = x - q.Dequantize(q.Quantize(x));
                error += e * e;
            }
            if (error < bestError)
            {
                bestError = error;
                best = (min * fraction, max * fraction);
            }
        }
        return best;
    }
}

using Edge.Models.Graph;

namespace Edge.Models.Quantization;

/// <summary>
/// For a tensor read only by a saturating table function with a fixed output quantisation
/// (sigmoid, tanh), the part of its range where the table's int8 output still changes. Beyond
/// it every input gives the same output, so quantising over the full calibrated range would only
/// waste resolution where decisions are made (around sigmoid's 0.5).
/// </summary>
public static class SaturationRange
{
    /// <summary>The calibrated range narrowed to the function's unsaturated interval.</summary>
    public static (double Min, double Max) Clip((double Min, double Max) range, UnaryFunctionOp consumer, AffineQuantization output)
    {
        int low = output.Quantize(consumer.Apply(-1e6)), high = output.Quantize(consumer.Apply(1e6));
        if (low >= high) return range;   // not increasing: leave the range alone
        // Largest x still at the lowest output, smallest x already at the highest (bisection on a monotone function).
        double lo = Bisect(x => output.Quantize(consumer.Apply(x)) > low, -1e6, 1e6);
        double hi = Bisect(x => output.Quantize(consumer.Apply(x)) >= high, -1e6, 1e6);
        return (Math.Max(range.Min, lo), Math.Min(range.Max, hi));
    }

    /// <summary>The point where a monotone predicate turns from false to true.</summary>
    private static double Bisect(Func<double, bool> predicate, double lo, double hi)
    {
        for (int i = 0; i < 200 && hi - lo > 1e-9; i++)
        {
            double mid = (lo + hi) / 2;
            if (predicate(mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }
}

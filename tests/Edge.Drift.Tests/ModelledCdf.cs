namespace Edge.Drift.Tests;

/// <summary>
/// The board's model of a distribution from its histogram (piecewise linear CDF between the
/// edges, even spreads with the true mean in the end bins), built here in double precision from
/// raw values, and the exact area between it and the raw values' empirical CDF. That area, for
/// reference plus current, bounds how far the board's Wasserstein estimate may be from the
/// raw-data Wasserstein distance (triangle inequality), independently of the board's code.
/// </summary>
public sealed class ModelledCdf
{
    private readonly double[] _knots;
    private readonly double[] _cdf;

    public ModelledCdf(IReadOnlyList<double> values, IReadOnlyList<double> edges)
    {
        int bins = edges.Count + 1;
        var counts = new double[bins];
        double lowSum = 0, highSum = 0;
        foreach (double v in values)
        {
            int bin = 0;
            while (bin < edges.Count && v > edges[bin]) bin++; // (e[i-1], e[i]]
            counts[bin]++;
            if (bin == 0) lowSum += edges[0] - v;
            if (bin == bins - 1) highSum += v - edges[^1];
        }
        double n = values.Count;
        double lowStart = edges[0] - 2 * (counts[0] > 0 ? lowSum / counts[0] : 0);
        double highEnd = edges[^1] + 2 * (counts[^1] > 0 ? highSum / counts[^1] : 0);
        _knots = new[] { lowStart }.Concat(edges).Append(highEnd).ToArray();
        _cdf = new double[_knots.Length];
        double cumulative = 0;
        for (int i = 0; i < edges.Count; i++)
        {
            cumulative += counts[i] / n;
            _cdf[i + 1] = cumulative;
        }
        _cdf[^1] = 1;
    }

    public double At(double x)
    {
        if (x < _knots[0]) return 0;
        if (x >= _knots[^1]) return 1;
        for (int i = 1; i < _knots.Length; i++)
        {
            if (x > _knots[i]) continue;
            double width = _knots[i] - _knots[i - 1];
            return width <= 0 ? _cdf[i] : _cdf[i - 1] + (_cdf[i] - _cdf[i - 1]) * (x - _knots[i - 1]) / width;
        }
        return 1;
    }

    /// <summary>Exact integral of |F_empirical - F_model| over the real line.</summary>
    public double AreaTo(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var points = sorted.Concat(_knots).Distinct().OrderBy(v => v).ToArray();
        double area = 0;
        int below = 0; // values <= current left point
        for (int i = 0; i + 1 < points.Length; i++)
        {
            double x0 = points[i], x1 = points[i + 1];
            while (below < sorted.Length && sorted[below] <= x0) below++;
            double empirical = below / (double)sorted.Length;
            area += AbsLinearIntegral(At(x0) - empirical, LeftLimit(x1) - empirical, x1 - x0);
        }
        return area;
    }

    private double LeftLimit(double x) => At(x - Math.Abs(x) * 1e-15 - 1e-300);

    private static double AbsLinearIntegral(double d0, double d1, double width)
    {
        if (width <= 0) return 0;
        if (d0 * d1 >= 0) return width * (Math.Abs(d0) + Math.Abs(d1)) / 2;
        return width * (d0 * d0 + d1 * d1) / (2 * (Math.Abs(d0) + Math.Abs(d1)));
    }
}

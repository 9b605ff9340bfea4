namespace Edge.Drift.Profiles;

/// <summary>Quantiles by linear interpolation between order statistics: numpy's default ("linear", type 7).</summary>
public static class Quantiles
{
    /// <summary>The q-quantile of ascending-sorted values: position q*(n-1), interpolated.</summary>
    public static double Linear(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        double fraction = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }

    /// <summary>The inner edges k/bins, k = 1..bins-1.</summary>
    public static double[] InnerEdges(IReadOnlyList<double> sorted, int bins) =>
        Enumerable.Range(1, bins - 1).Select(k => Linear(sorted, (double)k / bins)).ToArray();
}

namespace Edge.Drift.Profiles;

/// <summary>Quantiles by linear interpolation between order statistics: numpy's default ("linear", type 7).</summary>
public static class Quantiles
{
    /// <summary>The q-quantile of ascending-sorted values: position q*(n-1), interpolated.</summary>
    public static double Linear(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values", nameof(sorted));
        return Linear(sorted.Count, q, rank => sorted[(int)rank]);
    }

    /// <summary>The same from <paramref name="count"/> values known only by their order statistics (0-based ranks).</summary>
    public static double Linear(long count, double q, Func<long, double> orderStatistic)
    {
        var (below, above, fraction) = Position(count, q);
        double low = orderStatistic(below);
        return low + (orderStatistic(above) - low) * fraction;
    }

    /// <summary>The inner edges k/bins, k = 1..bins-1.</summary>
    public static double[] InnerEdges(IReadOnlyList<double> sorted, int bins) =>
        Enumerable.Range(1, bins - 1).Select(k => Linear(sorted, (double)k / bins)).ToArray();

    /// <summary>The inner edges of <paramref name="count"/> values known by their order statistics.</summary>
    public static double[] InnerEdges(long count, int bins, Func<long, double> orderStatistic) =>
        Enumerable.Range(1, bins - 1).Select(k => Linear(count, (double)k / bins, orderStatistic)).ToArray();

    /// <summary>The order statistics (0-based ranks) the inner edges need.</summary>
    public static IReadOnlyList<long> RanksForInnerEdges(long count, int bins) =>
        Enumerable.Range(1, bins - 1).SelectMany(k => { var (below, above, _) = Position(count, (double)k / bins); return new[] { below, above }; })
            .Distinct().Order().ToArray();

    /// <summary>The order statistics (0-based ranks) the q-quantile needs.</summary>
    public static IReadOnlyList<long> Ranks(long count, double q)
    {
        var (below, above, _) = Position(count, q);
        return below == above ? [below] : [below, above];
    }

    private static (long Below, long Above, double Fraction) Position(long count, double q)
    {
        double position = q * (count - 1);
        long below = (long)Math.Floor(position);
        return (below, Math.Min(below + 1, count - 1), position - below);
    }
}

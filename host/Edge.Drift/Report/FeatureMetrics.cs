using Edge.Drift.Replay;

namespace Edge.Drift.Report;

/// <summary>
/// A column's window record as the metrics the page lists: every metric the board computes, each
/// against its threshold (the deciding test against the profile's; the others against Evidently's
/// defaults, for comparison), with the raw-data bounds where the board works from bins.
/// </summary>
public static class FeatureMetrics
{
    /// <summary>Evidently's default threshold for the distances (psi, kl, js, hellinger, tvd, normed wasserstein).</summary>
    public const double DefaultDistanceThreshold = 0.1;

    public static IReadOnlyList<MetricView> Of(ColumnRecord c)
    {
        double Limit(string test) => c.Test == test ? c.Threshold : DefaultDistanceThreshold;
        MetricView Distance(string name, double? value) =>
            new(name, value, Limit(name), ">=", value is { } v ? v >= Limit(name) : null, c.Test == name);
        var metrics = new List<MetricView>
        {
            Distance("psi", c.Psi), Distance("kl", c.Kl), Distance("js", c.Js), Distance("hellinger", c.Hellinger), Distance("tvd", c.Tvd),
        };
        bool binned = c.Kind is "numeric" or "prediction-score";
        if (binned)
        {
            metrics.Add(new MetricView("ks", c.Ks, c.KsCritical, ">", c.Ks is { } d && c.KsCritical is { } k ? d > k : null, c.Test == "ks",
                Low: c.Ks, High: c.KsUpper, Note: "from bins: a lower bound of the raw-data KS; the raw value lies in the bound"));
            metrics.Add(new MetricView("wasserstein", c.Wasserstein, Limit("wasserstein"), ">=", c.Wasserstein is { } value ? value >= Limit("wasserstein") : null,
                c.Test == "wasserstein", Low: c.Wasserstein is { } lo && c.WassersteinBound is { } b1 ? Math.Max(0, lo - b1) : null,
                High: c.Wasserstein is { } hi && c.WassersteinBound is { } b2 ? hi + b2 : null, Note: "normed by the reference's std; the raw value lies within the bound"));
        }
        else
        {
            // A category the reference never had makes chi-square infinite (Evidently: p = 0).
            double chi = c.ChiSquare ?? double.PositiveInfinity;
            metrics.Add(new MetricView("chi2", chi, c.Test == "chi2" ? c.Critical : null, ">", c.Test == "chi2" && c.Critical is { } crit ? chi > crit : null, c.Test == "chi2",
                Note: c.ChiSquarePValue is { } p ? $"p = {p.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}" : ""));
            if (c.Z is { } z)
                metrics.Add(new MetricView("z", Math.Abs(z), c.Test == "z" ? c.Critical : null, ">", c.Test == "z" && c.Critical is { } zc ? Math.Abs(z) > zc : null, c.Test == "z",
                    Note: c.ZPValue is { } zp ? $"p = {zp.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}" : ""));
        }
        return metrics;
    }

    /// <summary>The deciding statistic over its threshold (1 = at it; infinite stays infinite); null when either is not known.</summary>
    public static double? Ratio(IReadOnlyList<MetricView> metrics)
    {
        var deciding = metrics.FirstOrDefault(m => m.Decides);
        if (deciding is not { Value: { } value, Threshold: { } threshold } || threshold <= 0) return null;
        return value / threshold;
    }
}

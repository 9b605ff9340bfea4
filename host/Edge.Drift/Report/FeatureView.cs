namespace Edge.Drift.Report;

/// <summary>One feature in the window shown in detail: its test's decision, every metric, its histograms against the reference and its data quality.</summary>
/// <param name="Test">The test that decides (Evidently's default for the column, chosen when the profile was built).</param>
/// <param name="DriftRatio">How far the deciding statistic is towards its threshold (1 = at it): the ranking key; null when it cannot be said (infinite, not reported).</param>
/// <param name="Histogram">Reference and current shares on the profile's bins; null when the source has no rows for them.</param>
public sealed record FeatureView(string Name, string Kind, string Test, bool Drifted, double? DriftRatio,
    IReadOnlyList<MetricView> Metrics, FeatureHistogram? Histogram, DataQuality Quality);

/// <summary>
/// One metric of a feature: its value, the threshold it is judged against and what that says. Only
/// the deciding test's <see cref="Decides"/> is set; the others are shown at Evidently's default
/// thresholds for comparison. <see cref="Low"/>..<see cref="High"/> bound the value the raw data
/// would give where the board computes from bins (KS, Wasserstein; drift-metrics.md).
/// </summary>
/// <param name="Comparison">How the value is compared: "&gt;=" for distances, "&gt;" for a statistic against its critical value.</param>
/// <param name="Drift">The metric's verdict at its threshold; null when a value or threshold is not reported.</param>
public sealed record MetricView(string Name, double? Value, double? Threshold, string Comparison, bool? Drift, bool Decides,
    double? Low = null, double? High = null, string Note = "")
{
    /// <summary>The bound holds the threshold: from the bins alone the raw-data decision could go either way.</summary>
    public bool BoundStraddlesThreshold => Low is { } low && High is { } high && Threshold is { } t && low < t && high >= t;
}

/// <summary>Reference and current shares per slot (bin or category), with the slot labels the page prints.</summary>
public sealed record FeatureHistogram(IReadOnlyList<string> Slots, IReadOnlyList<double> Reference, IReadOnlyList<double> Current, long ReferenceRows, long CurrentRows);

/// <summary>
/// Data quality of a feature in the window shown: values outside the reference's range (numeric),
/// categories the reference never had, and missing values. Null means the source does not report
/// it (missing values come from the window report: the board's drift monitor counts them per column).
/// </summary>
public sealed record DataQuality(long Rows, long? Missing, long? BelowReference, long? AboveReference, long? Unseen);

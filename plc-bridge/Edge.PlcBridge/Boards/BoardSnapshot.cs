namespace Edge.PlcBridge.Boards;

/// <summary>
/// What the bridge knows about one board at a moment, from its telemetry (status records and
/// window reports, firmware/docs/link-protocol.md). A feed produces a new one whenever something
/// changes; the bridge publishes it as the board's STRUCT and as Prometheus gauges.
/// </summary>
/// <param name="Board">Configured name, e.g. <c>Loom3</c>.</param>
/// <param name="Online">Link up and telemetry fresh, as far as the feed knows.</param>
/// <param name="LastSeen">When telemetry was last received; null: never.</param>
/// <param name="ModelId">Hex of the model's 8-byte id; "" when no model is loaded.</param>
/// <param name="AnomalyRate">Anomalies / samples in the last window (0..1).</param>
/// <param name="DriftScore">Share of features drifted in the last window (0..1).</param>
/// <param name="DriftAlarm">Drift confirmed: the board's alarm, until acknowledged or cleared.</param>
/// <param name="Verdict">The last window's verdict: clean, drifting, confirmed or anomaly-burst.</param>
/// <param name="FeatureDrift">Per feature: its drift test's statistic in the last window.</param>
/// <param name="FeatureDrifted">Per feature: whether its test flagged drift.</param>
/// <param name="LastError">"" when fine; otherwise what went wrong, for the operator.</param>
public sealed record BoardSnapshot(
    string Board,
    bool Online,
    DateTimeOffset? LastSeen,
    string ModelId,
    long WindowsCompleted,
    long Samples,
    long Inferences,
    long Anomalies,
    double AnomalyRate,
    double DriftScore,
    bool DriftAlarm,
    string Verdict,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<double> FeatureDrift,
    IReadOnlyList<bool> FeatureDrifted,
    double InferenceMicrosMean,
    double InferenceMicrosMax,
    string LastError);

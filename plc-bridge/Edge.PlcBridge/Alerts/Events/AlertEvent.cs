namespace Edge.PlcBridge.Alerts.Events;

/// <summary>
/// One alert, as every route sends it (JSON, camelCase; plc-bridge/README.md "Alerts" documents
/// the shape). An event is one transition of one board's state; its <see cref="Id"/>
/// (<c>BOARD/KIND/SEQUENCE</c>) is unique per board and kind across bridge restarts, so a receiver
/// can drop the rare duplicate a retry after a lost answer makes.
/// </summary>
/// <param name="Id"><c>Loom3/drift-alarm/3</c>.</param>
/// <param name="Kind">One of <see cref="AlertKinds.All"/>.</param>
/// <param name="Transition">raised/cleared, offline/online, ready.</param>
/// <param name="Sequence">Transitions of this kind on this board that were sent (1 for the first).</param>
/// <param name="Model">Hex id of the model the board runs; null when not known or none.</param>
/// <param name="Time">When the bridge saw the transition (UTC; written as ISO 8601 with Z).</param>
/// <param name="Message">One line for people (chat, e-mail subject).</param>
public sealed record AlertEvent(
    string Id,
    string Kind,
    string Transition,
    long Sequence,
    string Board,
    string? Model,
    DateTime Time,
    string Message,
    AlertMetrics Metrics,
    AlertThresholds Thresholds);

/// <summary>What the board reported when the transition was seen: the figures that triggered it. Absent (null) when not known.</summary>
/// <param name="Window">Windows the board had completed (its last window's index).</param>
/// <param name="Verdict">The last window's verdict: clean, drifting, confirmed, anomaly-burst.</param>
/// <param name="DriftScore">Share of features drifted in the last window (0..1).</param>
/// <param name="AnomalyRate">Anomalies / samples in the last window (0..1).</param>
/// <param name="Error">Why the board is offline (offline events).</param>
/// <param name="DriftedFeatures">The features whose test flagged drift in the last window.</param>
public sealed record AlertMetrics(
    bool Online,
    bool DriftAlarm,
    string? CaptureState,
    long? Window,
    string? Verdict,
    double? DriftScore,
    double? AnomalyRate,
    long? Samples,
    long? Anomalies,
    long? MissingValues,
    DateTime? LastSeen,
    string? Error,
    IReadOnlyList<AlertFeature>? DriftedFeatures);

/// <summary>A drifted feature: its profile column, its test statistic (null when saturated: 32768 or more, or infinite) and its test's threshold.</summary>
public sealed record AlertFeature(int Index, string Name, double? Statistic, bool Saturated, double? Threshold);

/// <summary>
/// The thresholds the decision was made against: the drift policy of the board's profile (when the
/// configuration gives <c>profile:</c>; the board decides with the same profile) and the bridge's
/// stale-after. Null when not known.
/// </summary>
/// <param name="DriftShare">A window drifts when this share of features (0..1) drifted.</param>
/// <param name="ConsecutiveWindows">Drifting windows in a row that confirm drift (raise the alarm).</param>
/// <param name="AnomalyBurstRate">An anomaly rate above this in a window is an anomaly burst.</param>
/// <param name="CaptureRows">Rows the board keeps for retraining.</param>
/// <param name="StaleAfterSeconds">No telemetry for this long: the board is offline.</param>
public sealed record AlertThresholds(
    double? DriftShare,
    int? ConsecutiveWindows,
    double? AnomalyBurstRate,
    int? CaptureRows,
    double StaleAfterSeconds);

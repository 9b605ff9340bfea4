namespace Edge.Drift.Replay;

/// <summary>One column's metrics in one window, as doubles (the board's Q16 values / 65536; null = not applicable or infinite).</summary>
public sealed record ColumnRecord(
    string Name,
    string Kind,
    string Test,
    double Threshold,
    double? Critical,
    bool Drifted,
    double Psi,
    double Kl,
    double Js,
    double Hellinger,
    double Tvd,
    double? Ks,
    double? KsUpper,
    double? KsCritical,
    double? Wasserstein,
    double? WassersteinBound,
    double? ChiSquare,
    double? ChiSquarePValue,
    double? Z,
    double? ZPValue,
    int Missing = 0);

/// <summary>One window: its rows (1-based, inclusive), counts, decisions and columns.</summary>
public sealed record WindowRecord(
    int Index,
    int FirstRow,
    int LastRow,
    int Samples,
    int Anomalies,
    int DriftedFeatures,
    double DriftShare,
    bool DataDrift,
    bool PredictionDrift,
    bool Drifting,
    bool BurstChecked,
    string Verdict,
    bool Alarm,
    string Capture,
    IReadOnlyList<ColumnRecord> Columns);

/// <summary>What a replay saw overall.</summary>
public sealed record ReplaySummary(
    int Rows,
    int Windows,
    int RowsInPartialWindow,
    int DriftingWindows,
    int BurstWindows,
    int? FirstConfirmedWindow,
    int AlarmsRaised,
    bool AlarmAtEnd,
    string CaptureState,
    int CapturedRows,
    long MissingValues = 0);

public sealed record ReplayResult(
    string ProfileSource,
    string DataSource,
    int WindowSize,
    string AnomalySource,
    IReadOnlyList<WindowRecord> Windows,
    ReplaySummary Summary,
    IReadOnlyList<CapturedRow> Captured);

/// <summary>A row the board's capture buffer held at the end: its 1-based row number and decoded values.</summary>
public sealed record CapturedRow(long Row, bool Anomalous, IReadOnlyList<string> Values);

namespace Edge.Drift.Replay;

/// <summary>How `edge drift replay` runs.</summary>
public sealed record ReplayOptions
{
    /// <summary>Tumbling window in samples; null uses the profile's.</summary>
    public int? WindowSize { get; init; }

    /// <summary>A numeric column giving each row's anomaly flag (at or above <see cref="AnomalyThreshold"/>); null uses the out-of-profile check.</summary>
    public string? AnomalyColumn { get; init; }

    public double AnomalyThreshold { get; init; } = 0.5;

    /// <summary>Flag no row as anomalous (turns the anomaly-burst check off).</summary>
    public bool NoAnomalies { get; init; }

    /// <summary>float32 (as a board receives values) or double (as numpy computes).</summary>
    public InputPrecision Precision { get; init; } = InputPrecision.Float32;
}

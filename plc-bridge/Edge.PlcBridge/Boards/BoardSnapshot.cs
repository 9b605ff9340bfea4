using Edge.Device.Drift;

namespace Edge.PlcBridge.Boards;

/// <summary>
/// What the bridge knows about one board at a moment, from its telemetry (status records and
/// window reports, firmware/docs/link-protocol.md). A feed produces a new one whenever something
/// changes; the bridge publishes it as the board's STRUCT and as Prometheus gauges. What is not
/// known is said to be unknown (<see cref="StatusValid"/>, <see cref="WindowValid"/>), never
/// published as 0.
/// </summary>
/// <param name="Board">Configured name, e.g. <c>Loom3</c>.</param>
/// <param name="Online">Link up and telemetry fresh, as far as the feed knows.</param>
/// <param name="LastSeen">When telemetry was last received; null: never.</param>
/// <param name="StatusValid">A status record arrived: ModelId, the counters, DriftAlarm and the inference times are the board's.</param>
/// <param name="ModelId">Hex of the model's 8-byte id; "" when no model is loaded.</param>
/// <param name="MissingValues">Sample values that were missing (NaN) since the board started.</param>
/// <param name="DriftAlarm">Drift confirmed: the board's alarm, until acknowledged or cleared.</param>
/// <param name="WindowValid">The last window's report is known: AnomalyRate, DriftScore, Verdict and the per-feature values are its figures.</param>
/// <param name="AnomalyRate">Anomalies / samples in the last window (0..1).</param>
/// <param name="DriftScore">Share of features drifted in the last window (0..1).</param>
/// <param name="Verdict">The last window's <see cref="WindowVerdict"/> code; <see cref="UnknownVerdict"/> when not known.</param>
/// <param name="FeatureDrift">Per feature: its drift test's statistic in the last window (+infinity when saturated).</param>
/// <param name="FeatureSaturated">Per feature: the statistic saturated (32768 or more, or infinite): its number is only a lower bound.</param>
/// <param name="FeatureDrifted">Per feature: whether its test flagged drift.</param>
/// <param name="FeatureMissing">Per feature: values missing in the last window.</param>
/// <param name="LastError">"" when fine; otherwise what went wrong, for the operator.</param>
public sealed record BoardSnapshot(
    string Board,
    bool Online,
    DateTimeOffset? LastSeen,
    bool StatusValid,
    string ModelId,
    long WindowsCompleted,
    long Samples,
    long Inferences,
    long Anomalies,
    long MissingValues,
    bool DriftAlarm,
    bool WindowValid,
    double AnomalyRate,
    double DriftScore,
    byte Verdict,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<double> FeatureDrift,
    IReadOnlyList<bool> FeatureSaturated,
    IReadOnlyList<bool> FeatureDrifted,
    IReadOnlyList<int> FeatureMissing,
    double InferenceMicrosMean,
    double InferenceMicrosMax,
    string LastError)
{
    /// <summary>The verdict code for "no window known" (the board's codes are 0-3).</summary>
    public const byte UnknownVerdict = 255;

    /// <summary>A verdict's name: the board's own table, "unknown" for <see cref="UnknownVerdict"/>.</summary>
    public static string VerdictName(byte verdict) => WindowVerdict.Name(verdict);

    /// <summary>The board's verdict codes with names (what Prometheus labels and the PLC documentation list).</summary>
    public static IReadOnlyList<byte> VerdictCodes { get; } = [WindowVerdict.Clean, WindowVerdict.Drifting, WindowVerdict.Confirmed, WindowVerdict.AnomalyBurst];

    /// <summary>
    /// The retraining capture's <see cref="CaptureState"/> code from the last status record (Frozen:
    /// rows are waiting for an acknowledge to fetch and release them). Meaningful with <see cref="StatusValid"/>.
    /// </summary>
    public byte Capture { get; init; } = CaptureState.Idle;

    /// <summary>
    /// The board's status says a window is known but its report has not arrived yet (the feed
    /// fetches it right after the status, on every connection): the window figures are about to
    /// be known, so judgements that quote them (alerts) wait for the next snapshot.
    /// </summary>
    public bool WindowPending { get; init; }

    /// <summary>Features the board reports.</summary>
    public int FeatureCount => Math.Max(FeatureDrift?.Count ?? 0, FeatureDrifted?.Count ?? 0);
}

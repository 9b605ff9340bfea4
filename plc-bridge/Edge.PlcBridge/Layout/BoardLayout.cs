using Edge.Ads.Types;

namespace Edge.PlcBridge.Layout;

/// <summary>
/// <c>ST_EdgeBoard</c>: what the PLC sees of one board. One definition serves the ADS symbols, the
/// memory map and the generated DUT (<see cref="PlcDutWriter"/>), so they cannot disagree; the
/// builder gives it TwinCAT's default layout (pack mode 8). The feature arrays have a fixed length
/// per configuration. Members are only ever added at the end, with <see cref="Version"/> raised.
/// </summary>
public sealed class BoardLayout
{
    public const string TypeName = "ST_EdgeBoard";

    /// <summary>Layout version in the <c>Layout</c> member; raised whenever members change.</summary>
    public const ushort Version = 2;

    public const int NameLength = 31;
    public const int ModelIdLength = 16;
    public const int LastErrorLength = 80;

    public const string Size = "Size";
    public const string Layout = "Layout";
    public const string FeatureCount = "FeatureCount";
    public const string Online = "Online";
    public const string Stale = "Stale";
    public const string DriftAlarm = "DriftAlarm";
    public const string AlarmAck = "AlarmAck";
    public const string Verdict = "Verdict";
    public const string Updates = "Updates";
    public const string LastSeen = "LastSeen";
    public const string WindowsCompleted = "WindowsCompleted";
    public const string Samples = "Samples";
    public const string Inferences = "Inferences";
    public const string Anomalies = "Anomalies";
    public const string AnomalyRate = "AnomalyRate";
    public const string DriftScore = "DriftScore";
    public const string InferenceMeanUs = "InferenceMeanUs";
    public const string InferenceMaxUs = "InferenceMaxUs";
    public const string Name = "Name";
    public const string ModelId = "ModelId";
    public const string LastError = "LastError";
    public const string FeatureDrift = "FeatureDrift";
    public const string FeatureDrifted = "FeatureDrifted";
    public const string StatusValid = "StatusValid";
    public const string WindowValid = "WindowValid";
    public const string MissingValues = "MissingValues";
    public const string FeatureSaturated = "FeatureSaturated";
    public const string FeatureMissing = "FeatureMissing";

    /// <summary>What a saturated statistic reads as in FeatureDrift: its lower bound (the Q16 format's largest value).</summary>
    public const double SaturatedDrift = 32768.0;

    private readonly Dictionary<string, PlcLocation> _members;

    private BoardLayout(int featureSlots)
    {
        FeatureSlots = featureSlots;
        Type = new PlcStructBuilder(TypeName, "one board's metrics, as the Edge PLC bridge publishes them")
            .Add(Size, PlcTypes.UDInt, "SIZEOF(ST_EdgeBoard) in the bridge: compare with SIZEOF in the PLC")
            .Add(Layout, PlcTypes.UInt, $"layout version ({Version})")
            .Add(FeatureCount, PlcTypes.UInt, $"features the board reports; the first {featureSlots} are in the arrays")
            .Add(Online, PlcTypes.Bool, "link up and telemetry fresh")
            .Add(Stale, PlcTypes.Bool, "no telemetry within stale-after")
            .Add(DriftAlarm, PlcTypes.Bool, "drift confirmed on the board (its alarm)")
            .Add(AlarmAck, PlcTypes.Bool, "write TRUE to acknowledge the alarm (if enabled); the bridge resets it")
            .Add(Verdict, PlcTypes.USInt, "last window: 0 clean, 1 drifting, 2 confirmed, 3 anomaly burst, 255 not known (WindowValid FALSE)")
            .Add(Updates, PlcTypes.UDInt, "snapshots received since the bridge started")
            .Add(LastSeen, PlcTypes.ULInt, "last telemetry, UTC FILETIME (100 ns since 1601); 0 never")
            .Add(WindowsCompleted, PlcTypes.ULInt, "drift windows completed")
            .Add(Samples, PlcTypes.ULInt, "samples seen")
            .Add(Inferences, PlcTypes.ULInt, "inferences run")
            .Add(Anomalies, PlcTypes.ULInt, "anomalous samples")
            .Add(AnomalyRate, PlcTypes.Real, "anomalies / samples in the last window, 0..1 (only if WindowValid)")
            .Add(DriftScore, PlcTypes.Real, "share of features drifted in the last window, 0..1 (only if WindowValid)")
            .Add(InferenceMeanUs, PlcTypes.Real, "mean inference time in the last window, microseconds")
            .Add(InferenceMaxUs, PlcTypes.Real, "longest inference, microseconds")
            .Add(Name, PlcTypes.String(NameLength), "configured board name")
            .Add(ModelId, PlcTypes.String(ModelIdLength), "hex of the model's 8-byte id; empty: no model")
            .Add(LastError, PlcTypes.String(LastErrorLength), "empty when fine")
            .Add(FeatureDrift, PlcTypes.Array(PlcTypes.Real, 0, featureSlots - 1), "per feature: its drift test statistic in the last window (only if WindowValid; 32768 when saturated)")
            .Add(FeatureDrifted, PlcTypes.Array(PlcTypes.Bool, 0, featureSlots - 1), "per feature: drift flagged in the last window")
            // Layout 2: what is known, and data quality.
            .Add(StatusValid, PlcTypes.Bool, "the board's status has arrived: counters, DriftAlarm, ModelId, inference times are its own")
            .Add(WindowValid, PlcTypes.Bool, "the last window's report is known: AnomalyRate, DriftScore, Verdict, Feature* are its figures; FALSE: not known, not 0")
            .Add(MissingValues, PlcTypes.ULInt, "sample values missing (NaN) since the board started")
            .Add(FeatureSaturated, PlcTypes.Array(PlcTypes.Bool, 0, featureSlots - 1), "per feature: the statistic is 32768 or more, or infinite; FeatureDrift holds 32768, a lower bound")
            .Add(FeatureMissing, PlcTypes.Array(PlcTypes.UInt, 0, featureSlots - 1), "per feature: values missing in the last window")
            .Build();
        _members = Type.Members.ToDictionary(m => m.Name, m => new PlcLocation(m.Name, m.Type, m.Offset), StringComparer.Ordinal);
        FeatureDriftAt = Enumerable.Range(0, featureSlots).Select(i => Type.Locate($"{FeatureDrift}[{i}]")).ToArray();
        FeatureDriftedAt = Enumerable.Range(0, featureSlots).Select(i => Type.Locate($"{FeatureDrifted}[{i}]")).ToArray();
        FeatureSaturatedAt = Enumerable.Range(0, featureSlots).Select(i => Type.Locate($"{FeatureSaturated}[{i}]")).ToArray();
        FeatureMissingAt = Enumerable.Range(0, featureSlots).Select(i => Type.Locate($"{FeatureMissing}[{i}]")).ToArray();
    }

    public static BoardLayout For(int featureSlots) =>
        featureSlots is >= 1 and <= Configuration.BridgeConfig.MaxFeatureSlots
            ? new BoardLayout(featureSlots)
            : throw new ArgumentOutOfRangeException(nameof(featureSlots), featureSlots, $"feature slots must be 1 to {Configuration.BridgeConfig.MaxFeatureSlots}");

    public PlcStructType Type { get; }

    public int FeatureSlots { get; }

    /// <summary>SIZEOF(ST_EdgeBoard): also the stride between boards in the memory map.</summary>
    public int ByteSize => Type.Size;

    public IReadOnlyList<PlcLocation> FeatureDriftAt { get; }

    public IReadOnlyList<PlcLocation> FeatureDriftedAt { get; }

    public IReadOnlyList<PlcLocation> FeatureSaturatedAt { get; }

    public IReadOnlyList<PlcLocation> FeatureMissingAt { get; }

    /// <summary>A member by its constant name, e.g. <c>layout[BoardLayout.DriftAlarm]</c>.</summary>
    public PlcLocation this[string member] => _members[member];
}

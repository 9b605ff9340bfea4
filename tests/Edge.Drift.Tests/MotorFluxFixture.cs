using System.Text.Json;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.TestSupport;

namespace Edge.Drift.Tests;

/// <summary>The motor-flux sample and its oracle, loaded once for all tests of the assembly.</summary>
public static class MotorFluxFixture
{
    /// <summary>The oracle's setup: the 64 spectral features and the load category, 16 bins.</summary>
    public static readonly ProfileOptions Options = new() { Columns = ["f[0-9]*"], Categorical = ["load"], Bins = 16, CaptureRows = 64 };

    private static readonly Lazy<Table> TrainTable = new(() => TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv")));
    private static readonly Lazy<JsonDocument> OracleDocument = new(() => JsonDocument.Parse(File.ReadAllText(RepoPaths.MotorFlux("drift-oracle.json"))));
    private static readonly Lazy<DriftProfile> DefaultProfile = new(() => ProfileBuilder.Build(Train, Options));

    public static IReadOnlyList<string> Features { get; } = Enumerable.Range(0, 64).Select(i => "f" + i).ToArray();

    public static Table Train => TrainTable.Value;

    public static Table Read(string set) => TableReader.Read(RepoPaths.MotorFlux(set + ".features.csv"));

    public static JsonElement Oracle => OracleDocument.Value.RootElement;

    public static DriftProfile Profile => DefaultProfile.Value;
}

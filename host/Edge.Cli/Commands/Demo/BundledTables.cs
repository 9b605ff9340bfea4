using Edge.Data;

namespace Edge.Cli.Commands.Demo;

/// <summary>The bundled motor-flux tables the demo reads, each read once.</summary>
internal static class BundledTables
{
    private static readonly Lazy<Table> Train = new(() => TableReader.Read(BundledSamples.MotorFlux("train_164V.features.csv")));
    private static readonly Lazy<Table> Test = new(() => TableReader.Read(BundledSamples.MotorFlux("test_164V.features.csv")));
    private static readonly Lazy<Table> Drift = new(() => TableReader.Read(BundledSamples.MotorFlux("drift_289V.features.csv")));

    public static Table Train164V => Train.Value;

    public static Table Test164V => Test.Value;

    public static Table Drift289V => Drift.Value;
}

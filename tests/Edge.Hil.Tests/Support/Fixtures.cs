using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.TestSupport;

namespace Edge.Hil.Tests.Support;

/// <summary>The motor-flux models and tables, and small measurement plans that keep the suite fast.</summary>
public static class Fixtures
{
    public static readonly string[] ModelNames = ["flux_autoencoder", "flux_cnn1d", "flux_iforest", "flux_mlp"];

    public static string SimRig => Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml");

    public static string[] TestData => [RepoPaths.MotorFlux("test_164V.features.csv"), RepoPaths.MotorFlux("test_164V.windows.csv")];

    public static string[] TrainData => [RepoPaths.MotorFlux("train_164V.features.csv"), RepoPaths.MotorFlux("train_164V.windows.csv")];

    public static string Onnx(string name) => RepoPaths.MotorFlux(name + ".onnx");

    /// <summary>Few inferences and rows: what is checked does not need more.</summary>
    public static MeasurementPlan QuickPlan(Rig rig) => rig.Measurement with
    {
        Warmup = 1,
        Inferences = 4,
        AccuracyRows = 200,
        CellTimeout = TimeSpan.FromSeconds(60),
        Retries = 2,
    };

    /// <summary>A rig file written for one test (YAML text), loaded.</summary>
    public static Rig Rig(string yaml, string folder)
    {
        string path = Path.Combine(folder, "rig.yaml");
        File.WriteAllText(path, yaml);
        return RigLoader.Load(path);
    }
}

using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.Models;
using Edge.TestSupport;

namespace Edge.Board.Tests.Support;

/// <summary>The motor-flux model and profile the board tests upload, built once per test run.</summary>
public static class Fixtures
{
    private static readonly Lazy<Table> TrainTable = new(() => TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv")));

    private static readonly Lazy<byte[]> ProfileBytes = new(() =>
        ProfileWriter.Write(ProfileBuilder.Build(TrainTable.Value, new ProfileOptions { Columns = ["f[0-9]*"], Categorical = ["load"], CaptureRows = 64 })));

    private static readonly Lazy<byte[]> MlpBytes = new(() => Convert("flux_mlp.onnx"));

    public static Table Train => TrainTable.Value;

    public static byte[] Profile => ProfileBytes.Value;

    public static DriftProfile ParsedProfile => DriftProfileReader.Read(Profile, "motor-flux profile");

    public static byte[] FluxMlp => MlpBytes.Value;

    /// <summary>samples/zoo/twobranch3 (two inputs from the features and windows tables, two outputs).</summary>
    public static byte[] TwoBranch => TwoBranchBytes.Value;

    private static readonly Lazy<byte[]> TwoBranchBytes = new(() => ModelConverter.Convert(new ConvertOptions(
        Path.Combine(RepoPaths.Root, "samples", "zoo", "twobranch3.onnx"), RepoPaths.MotorFlux("train_164V.features.csv"),
        Path.Combine(RepoPaths.TempDirectory("board-model"), "twobranch3.edgem"))
    {
        MoreCalibrationPaths = [RepoPaths.MotorFlux("train_164V.windows.csv")],
        BiasCorrection = false,
    }).Bytes);

    public static Table Read(string set) => TableReader.Read(RepoPaths.MotorFlux(set + ".features.csv"));

    private static byte[] Convert(string onnx)
    {
        string output = Path.Combine(RepoPaths.TempDirectory("board-model"), Path.ChangeExtension(onnx, ".edgem"));
        return ModelConverter.Convert(new ConvertOptions(RepoPaths.MotorFlux(onnx), RepoPaths.MotorFlux("train_164V.features.csv"), output)).Bytes;
    }
}

using Edge.Data;
using Edge.Device.Model;
using Edge.Models;
using Edge.Models.Verification;
using Edge.TestSupport;

namespace Edge.TestSupport.Models;

/// <summary>A fixture model (its ONNX file) converted on its training set, with the test rows it is checked on.</summary>
public sealed record FixtureModel(string Name, string OnnxPath, EdgeModel Model, long Macs, float[][] Rows)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every fixture model the converter accepts (samples/motor-flux and samples/zoo), converted on
/// train_164V once per process, with all of test_164V (2000 rows) in the model's input columns.
/// </summary>
public static class FixtureModels
{
    private static readonly (string Name, string Folder, string Kind)[] Sources =
    [
        ("flux_mlp", "motor-flux", "features"), ("flux_cnn1d", "motor-flux", "windows"), ("flux_iforest", "motor-flux", "features"),
        ("flux_autoencoder", "motor-flux", "features"), ("mlp_op11", "zoo", "features"), ("mlp_op13", "zoo", "features"),
        ("mlp_op17", "zoo", "features"), ("logreg", "zoo", "features"), ("cnn1d_dw", "zoo", "windows"), ("cnn2d", "zoo", "windows"),
        ("gru", "zoo", "windows"), ("lstm", "zoo", "windows"),
    ];

    private static readonly Dictionary<string, Lazy<FixtureModel>> Cache =
        Sources.ToDictionary(s => s.Name, s => new Lazy<FixtureModel>(() => Convert(s.Name, s.Folder, s.Kind)));

    private static readonly Lazy<string> Scratch = new(() => RepoPaths.TempDirectory("fixture-models"));

    public static IEnumerable<string> Names => Sources.Select(s => s.Name);

    /// <summary>For [DynamicData]: one row per fixture name.</summary>
    public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });

    public static FixtureModel Get(string name) => Cache[name].Value;

    private static FixtureModel Convert(string name, string folder, string kind)
    {
        string samples = Path.Combine(RepoPaths.Root, "samples");
        string onnx = Path.Combine(samples, folder, $"{name}.onnx");
        string calibration = RepoPaths.MotorFlux($"train_164V.{kind}.csv");
        var result = ModelConverter.Convert(new ConvertOptions(onnx, calibration, Path.Combine(Scratch.Value, $"{name}.edgem")));
        var table = TableReader.Read(RepoPaths.MotorFlux($"test_164V.{kind}.csv"));
        var rows = InputMapping.Rows(table, InputMapping.Expand(result.Model.Metadata("input.columns")!));
        return new FixtureModel(name, onnx, result.Model, result.Report.Macs, rows);
    }
}

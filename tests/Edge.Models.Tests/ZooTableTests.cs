using System.Globalization;
using Edge.Models.Reports;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;
using Edge.Targets.Boards;
using Edge.Targets.Memory;

namespace Edge.Models.Tests;

/// <summary>
/// The zoo table of issue 13 (host/Edge.Models/README.md): every zoo model converted on
/// train_164V and verified on test_164V against ONNX Runtime, with its board ops, decision
/// agreement, MACs and arena from the per-layer costs, and whether it fits the nucleo-f746zg and
/// nucleo-f401re by Edge.Targets' nanoCLR heap model. Prints the table (markdown) and checks that
/// the figures in it agree with each other.
/// </summary>
[TestClass]
public sealed class ZooTableTests
{
    private static readonly (string Model, string[] Tables)[] Zoo =
    [
        ("mlp_op11", ["features"]), ("mlp_op13", ["features"]), ("mlp_op17", ["features"]), ("logreg", ["features"]), ("mlp_qdq", ["features"]),
        ("cnn1d_dw", ["windows"]), ("cnn2d", ["windows"]), ("gru", ["windows"]), ("lstm", ["windows"]),
        ("twobranch3", ["features", "windows"]), ("rf", ["features"]), ("gbm", ["features"]), ("logreg_ml", ["features"]),
    ];

    [TestMethod]
    [TestCategory("Slow")]
    public void PrintsTheZooTable()
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string>
        {
            "| model | ops on the board | decision agreement | MACs | arena B | nucleo-f746zg | nucleo-f401re |",
            "|---|---:|---:|---:|---:|---|---|",
        };
        foreach (var (name, tables) in Zoo)
        {
            string onnx = Samples.ZooFile(name + ".onnx");
            string output = Samples.ScratchFile($"table-{name}.edgem");
            var result = ModelConverter.Convert(new ConvertOptions(onnx, Samples.File($"train_164V.{tables[0]}.csv"), output)
            {
                MoreCalibrationPaths = tables.Skip(1).Select(t => Samples.File($"train_164V.{t}.csv")).ToList(),
            });
            File.WriteAllBytes(output, result.Bytes);
            var report = ModelVerifier.Verify(new VerifyOptions(output, onnx, Samples.File($"test_164V.{tables[0]}.csv"))
            {
                MoreDataPaths = tables.Skip(1).Select(t => Samples.File($"test_164V.{t}.csv")).ToList(),
            });
            var costs = LayerCosts.Of(result.Model);
            Assert.AreEqual(result.Report.Macs, costs.Macs, name);
            Assert.AreEqual(result.Model.ArenaBytes, costs.ArenaBytes, name);
            string Fit(string board)
            {
                var fit = BoardMemory.Check(BoardTarget.Find(board), result.Model, null);
                return fit.Fits ? $"yes, {(fit.AvailableBytes - fit.PeakBytes).ToString("N0", c)} B spare" : $"no, {fit.ShortBy.ToString("N0", c)} B short";
            }
            string agreement = report.DecisionAgreement is { } a ? (a * 100).ToString("0.00", c) + " %" : $"n/a (cosine {report.Agreement.Cosine.ToString("F5", c)})";
            lines.Add($"| {name} | {result.Model.Operations.Length} | {agreement} | {costs.Macs.ToString("N0", c)} | {costs.ArenaBytes.ToString("N0", c)} | {Fit("nucleo-f746zg")} | {Fit("nucleo-f401re")} |");
            if (report.DecisionAgreement is { } d) Assert.IsGreaterThanOrEqualTo(0.99, d, name);
        }
        foreach (var line in lines) Console.WriteLine(line);
    }
}

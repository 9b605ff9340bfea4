using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

/// <summary>
/// The exporter zoo (samples/zoo: torch 1.13 exports and ONNX-ML / QDQ graphs, see its README):
/// each single-input model converted on train_164V and verified on test_164V, the int8 device
/// engine against ONNX Runtime running the same ONNX file, with issue 13's bars.
/// </summary>
[TestClass]
public sealed class ZooConversionTests
{
    private static VerificationReport ConvertAndVerify(string model, string kind)
    {
        string onnx = Samples.ZooFile(model + ".onnx");
        string output = Samples.ScratchFile($"zoo-{model}.edgem");
        var result = ModelConverter.Convert(new ConvertOptions(onnx, Samples.File($"train_164V.{kind}.csv"), output));
        File.WriteAllBytes(output, result.Bytes);
        return ModelVerifier.Verify(new VerifyOptions(output, onnx, Samples.File($"test_164V.{kind}.csv")));
    }

    [TestMethod]
    [DataRow("mlp_op11", "features")]
    [DataRow("mlp_op13", "features")]
    [DataRow("mlp_op17", "features")]
    [DataRow("logreg", "features")]
    [DataRow("cnn1d_dw", "windows")]     // Pad constant + reflect, grouped dilated Conv1d, AveragePool, GlobalAveragePool, Elu
    [DataRow("cnn2d", "windows")]        // edge Pad, Conv2d, MaxPool2d, AvgPool2d exclude pad, BatchNormalization
    [DataRow("gru", "windows")]          // GRU (linear_before_reset) between batch_first Transposes, final hidden state
    [DataRow("lstm", "windows")]         // LSTM, last output step through Squeeze
    public void BinaryClassifiersKeepTheirDecisionsAndF1(string model, string kind)
    {
        var report = ConvertAndVerify(model, kind);
        Console.WriteLine($"{model}: agreement {report.DecisionAgreement:P2}, F1 float {report.Float!.F1:F4} int8 {report.Int8!.F1:F4}, max |error| {report.Agreement.MaxAbsError:G4}, arena {report.ArenaBytes} B");
        Assert.AreEqual(2000, report.Rows);
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value, $"decision agreement {report.DecisionAgreement:P2}");
        Assert.IsLessThanOrEqualTo(0.01, Math.Abs(report.Int8!.F1!.Value - report.Float!.F1!.Value), $"F1 float {report.Float.F1:F4} int8 {report.Int8.F1:F4}");
    }

    /// <summary>
    /// A QDQ model (ONNX Runtime's static quantiser's layout) keeps its scales and zero points: the
    /// engine is within one output step (uint8 over [0, 1] after the sigmoid: 1/255) of ONNX Runtime
    /// running the same quantised graph on every row.
    /// </summary>
    [TestMethod]
    public void QdqModelStaysWithinOneOutputStepOfOnnxRuntime()
    {
        var report = ConvertAndVerify("mlp_qdq", "features");
        Console.WriteLine($"mlp_qdq: agreement {report.DecisionAgreement:P2}, max |error| {report.Agreement.MaxAbsError:G4}, arena {report.ArenaBytes} B");
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value, $"decision agreement {report.DecisionAgreement:P2}");
        Assert.IsLessThanOrEqualTo(1 / 255.0 + 1e-6, report.Agreement.MaxAbsError, $"max |error| {report.Agreement.MaxAbsError:G4}");
    }

    /// <summary>
    /// verify --per-layer on the LSTM (whose inner tensors are sequence-first, not batch-first): one
    /// line per board op, each op with an ONNX value of the same name compared against ONNX
    /// Runtime's intermediate output, and the last line is the output check itself.
    /// </summary>
    [TestMethod]
    public void PerLayerReportComparesEachOpWithOnnxRuntimesIntermediateValue()
    {
        string onnx = Samples.ZooFile("lstm.onnx");
        string output = Samples.ScratchFile("zoo-lstm-layers.edgem");
        var result = ModelConverter.Convert(new ConvertOptions(onnx, Samples.File("train_164V.windows.csv"), output));
        File.WriteAllBytes(output, result.Bytes);
        var report = ModelVerifier.Verify(new VerifyOptions(output, onnx, Samples.File("test_164V.windows.csv")) { PerLayer = true });
        var layers = report.Layers!;
        Assert.HasCount(result.Model.Operations.Length, layers);
        var compared = layers.Where(l => l.Agreement is not null).ToList();
        Assert.IsGreaterThanOrEqualTo(layers.Count - 1, compared.Count, string.Join(", ", layers.Where(l => l.Agreement is null).Select(l => l.Op)));
        foreach (var layer in compared)
            Assert.IsGreaterThan(0.95, layer.Agreement!.Cosine, $"op {layer.Index} {layer.Kind} '{layer.Op}': cosine {layer.Agreement.Cosine:F4}");
        Assert.AreEqual(report.Agreement.Cosine, layers[^1].Agreement!.Cosine, 1e-4);
        Assert.AreEqual(report.Agreement.MaxAbsError, layers[^1].Agreement!.MaxAbsError, 1e-5);
    }
}

using System.Reflection;
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
    private static readonly string Zoo =
        typeof(ZooConversionTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Zoo").Value!;

    private static VerificationReport ConvertAndVerify(string model, string kind)
    {
        string onnx = Path.Combine(Zoo, model + ".onnx");
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
    public void BinaryClassifiersKeepTheirDecisionsAndF1(string model, string kind)
    {
        var report = ConvertAndVerify(model, kind);
        Assert.AreEqual(2000, report.Rows);
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value, $"decision agreement {report.DecisionAgreement:P2}");
        Assert.IsLessThanOrEqualTo(0.01, Math.Abs(report.Int8!.F1!.Value - report.Float!.F1!.Value), $"F1 float {report.Float.F1:F4} int8 {report.Int8.F1:F4}");
    }
}

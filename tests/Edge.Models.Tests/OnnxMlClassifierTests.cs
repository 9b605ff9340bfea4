using System.Globalization;
using Edge.Data;
using Edge.Device.Inference;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

/// <summary>
/// The zoo's ONNX-ML classifiers (rf, gbm: TreeEnsembleClassifier; logreg_ml: Scaler +
/// LinearClassifier), each with an int64 label output before its probabilities. Converted on
/// train_164V, verified on test_164V against ONNX Runtime running the same file, and the board's
/// own label output checked against ONNX Runtime's label and the zoo's expected outputs
/// (scikit-learn's, on the 64 rows of inputs.features.csv).
/// </summary>
[TestClass]
public sealed class OnnxMlClassifierTests
{
    private static ConversionResult Convert(string model)
    {
        string output = Samples.ScratchFile($"zoo-ml-{model}.edgem");
        var result = ModelConverter.Convert(new ConvertOptions(Samples.ZooFile(model + ".onnx"), Samples.File("train_164V.features.csv"), output));
        File.WriteAllBytes(output, result.Bytes);
        return result;
    }

    /// <summary>
    /// Issue 13's bar (agreement >= 99 %, F1 within 0.01 of float), the float F1 equal to the
    /// manifest's (scikit-learn on all of test_164V), and each model's probability error bounded:
    /// trees compare exactly, so their error is the output rounding (half a 1/255 step for the
    /// forest's [1 - s, s]; the logistic table's step near p = 0.5 for the booster); the linear
    /// model's is int8 weights and inputs.
    /// </summary>
    [TestMethod]
    [DataRow("rf", 0.9914089347079038, 0.5 / 255 + 1e-5)]
    [DataRow("gbm", 0.9974337040205304, 0.02)]
    [DataRow("logreg_ml", 0.9283154121863799, 0.12)]
    public void ConvertsAndKeepsDecisionsF1AndProbabilities(string model, double manifestF1, double maxError)
    {
        Convert(model);
        var report = ModelVerifier.Verify(new VerifyOptions(Samples.ScratchFile($"zoo-ml-{model}.edgem"), Samples.ZooFile(model + ".onnx"), Samples.File("test_164V.features.csv")));
        Console.WriteLine($"{model}: agreement {report.DecisionAgreement:P2}, F1 float {report.Float!.F1:F4} int8 {report.Int8!.F1:F4}, max |error| {report.Agreement.MaxAbsError:G4}, arena {report.ArenaBytes} B");
        Assert.AreEqual("classes", report.Task);
        Assert.AreEqual(2000, report.Rows);
        Assert.AreEqual(manifestF1, report.Float!.F1!.Value, 1e-9, "ONNX Runtime's float F1 is the manifest's");
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value, $"decision agreement {report.DecisionAgreement:P2}");
        Assert.IsLessThanOrEqualTo(0.01, Math.Abs(report.Int8!.F1!.Value - report.Float.F1.Value), $"F1 float {report.Float.F1:F4} int8 {report.Int8.F1:F4}");
        Assert.IsLessThanOrEqualTo(maxError, report.Agreement.MaxAbsError, $"max |error| {report.Agreement.MaxAbsError:G4}");
    }

    /// <summary>
    /// The label is a model output the board computes (an ArgMax op over the probabilities, an
    /// integer at scale 1): on each of the zoo's 64 rows it is the first largest probability the
    /// board itself wrote, the same from the managed reference kernels and the host's fastest set,
    /// and equal to ONNX Runtime's int64 label and to scikit-learn's (expected.csv), whose
    /// probabilities the board's are within the verified bound of.
    /// </summary>
    [TestMethod]
    [DataRow("rf", 0.5 / 255 + 1e-5)]
    [DataRow("gbm", 0.02)]
    [DataRow("logreg_ml", 0.12)]
    public void TheLabelIsABoardOutputEqualToOnnxRuntimesAndScikitLearns(string model, double maxError)
    {
        var result = Convert(model);
        Assert.HasCount(2, result.Model.Outputs);
        Assert.AreEqual("probabilities", result.Model.Tensors[result.Model.Outputs[0]].Name);
        Assert.AreEqual("label", result.Model.Tensors[result.Model.Outputs[1]].Name);

        var table = TableReader.Read(Samples.ZooFile("inputs.features.csv"));
        var rows = InputMapping.Rows(table, InputMapping.Resolve(table, null, 64, "label"));
        var expected = ExpectedCsv(Samples.ZooFile(model + ".expected.csv"));
        Assert.HasCount(64, rows);
        using var ort = new OnnxRuntimeModel(Samples.ZooFile(model + ".onnx"), "features", [1, 64], ["label"]);
        var ortLabels = ort.Run(rows)[0];

        var reference = new DeviceEngine(new Interpreter(result.Model, 0, Int8Kernels.Reference));
        var fastest = new DeviceEngine(result.Model);
        var probabilities = new float[2];
        var label = new float[1];
        sbyte[] referenceBytes = new sbyte[3], fastestBytes = new sbyte[3];
        for (int r = 0; r < rows.Length; r++)
        {
            foreach (var (engine, bytes) in new[] { (reference, referenceBytes), (fastest, fastestBytes) })
            {
                engine.Load(rows[r]);
                engine.Interpreter.Invoke();
                engine.Interpreter.GetOutputInt8(0, bytes, 0);
                engine.Interpreter.GetOutputInt8(1, bytes, 2);
            }
            CollectionAssert.AreEqual(referenceBytes, fastestBytes, $"row {r}: reference and fastest kernels differ");
            reference.Interpreter.GetOutput(0, probabilities, 0);
            reference.Interpreter.GetOutput(1, label, 0);
            int argmax = probabilities[1] > probabilities[0] ? 1 : 0;
            Assert.AreEqual(argmax, label[0], $"row {r}: label {label[0]} for probabilities [{probabilities[0]}, {probabilities[1]}]");
            Assert.AreEqual(ortLabels[r][0], label[0], $"row {r}: ONNX Runtime's label");
            Assert.AreEqual(expected[r][0], label[0], $"row {r}: scikit-learn's label");
            Assert.AreEqual(expected[r][1], probabilities[0], maxError, $"row {r}: P(normal)");
            Assert.AreEqual(expected[r][2], probabilities[1], maxError, $"row {r}: P(fault)");
        }
    }

    /// <summary>label, probabilities_0, probabilities_1 per row.</summary>
    private static double[][] ExpectedCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.AreEqual("label,probabilities_0,probabilities_1", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }
}

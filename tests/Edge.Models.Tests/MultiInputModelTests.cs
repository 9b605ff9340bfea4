using Edge.Common;
using Edge.Data;
using Edge.Data.Streaming;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

/// <summary>
/// twobranch3 (samples/zoo): two inputs (features [b,64] from the features table, windows [b,256]
/// from the windows table), two outputs (softmax probs and the int64 ArgMax class id). Converted
/// on train_164V and checked against ONNX Runtime, torch's expected outputs and the manifest's
/// float metrics.
/// </summary>
[TestClass]
public sealed class MultiInputModelTests
{
    private static readonly Lazy<(string Path, ConversionResult Result)> Converted = new(() =>
    {
        string output = Samples.ScratchFile("zoo-twobranch3.edgem");
        var result = ModelConverter.Convert(new ConvertOptions(Samples.ZooFile("twobranch3.onnx"), Samples.File("train_164V.features.csv"), output)
        {
            MoreCalibrationPaths = [Samples.File("train_164V.windows.csv")],
        });
        File.WriteAllBytes(output, result.Bytes);
        return (output, result);
    });

    /// <summary>The 3-class label of the zoo README (fault none -> 0, rotor_bar/eccentricity -> 1, turn_short -> 2), as a one-column table.</summary>
    private static string ClassLabels(string set)
    {
        string path = Samples.ScratchFile($"{set}.class3.csv");
        if (File.Exists(path)) return path;
        var table = TableReader.Read(Samples.File($"{set}.features.csv"));
        var faults = table.Texts("fault");
        var lines = new List<string> { "class3" };
        for (int r = 0; r < table.RowCount; r++)
            lines.Add(faults[r] switch { "none" => "0", "rotor_bar" or "eccentricity" => "1", "turn_short" => "2", var f => throw new InvalidDataException($"fault '{f}'") });
        File.WriteAllLines(path, lines);
        return path;
    }

    [TestMethod]
    public void TwoBranchModelKeepsItsDecisionsAndMacroF1AgainstOnnxRuntime()
    {
        var (path, result) = Converted.Value;
        Assert.HasCount(2, result.Model.Inputs);
        Assert.HasCount(2, result.Model.Outputs);
        Assert.AreEqual("features=f0..f63;windows=s0..s255", result.Model.Metadata("input.columns"));
        Assert.AreEqual("features,windows", result.Model.Metadata("onnx.input"));

        // Three tables side by side: features, windows, and the 3-class label.
        var report = ModelVerifier.Verify(new VerifyOptions(path, Samples.ZooFile("twobranch3.onnx"), Samples.File("test_164V.features.csv"))
        {
            MoreDataPaths = [Samples.File("test_164V.windows.csv"), ClassLabels("test_164V")],
            LabelColumn = "class3",
        });
        Console.WriteLine($"twobranch3: agreement {report.DecisionAgreement:P2}, class_id equal {report.OtherOutputs[0].RowsEqual:P2}, macro-F1 float {report.Float!.F1:F4} int8 {report.Int8!.F1:F4}, accuracy float {report.Float.Accuracy:F4} int8 {report.Int8.Accuracy:F4}, max |error| {report.Agreement.MaxAbsError:G4}, arena {report.ArenaBytes} B");
        Assert.AreEqual(2000, report.Rows);
        Assert.AreEqual("classes", report.Task);
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value);
        // The int64 class output is the board's ArgMax, compared with ONNX Runtime's own ArgMax.
        Assert.AreEqual("class_id", report.OtherOutputs[0].Name);
        Assert.IsGreaterThanOrEqualTo(0.99, report.OtherOutputs[0].RowsEqual);
        // ONNX Runtime's float run reproduces the manifest's float figures (torch, all of test_164V).
        Assert.AreEqual(0.9925, report.Float.Accuracy!.Value, 0.0005);
        Assert.AreEqual(0.991302680494108, report.Float.F1!.Value, 0.001);
        Assert.IsLessThanOrEqualTo(0.01, Math.Abs(report.Int8.F1!.Value - report.Float.F1.Value));
    }

    /// <summary>On the zoo's 64 rows, the engine's class ids equal torch's (expected.csv) and its probabilities are close.</summary>
    [TestMethod]
    public void EngineMatchesTorchsExpectedOutputsOnTheZooRows()
    {
        var (_, result) = Converted.Value;
        var tables = new List<TableSource> { TableReader.Read(Samples.ZooFile("inputs.features.csv")), TableReader.Read(Samples.ZooFile("inputs.windows.csv")) };
        var inputs = ModelInputColumns.Resolve(tables, ModelInputColumns.Of(result.Model), result.Model.Metadata("input.columns"), "label");
        var rows = ModelInputColumns.ReadAll(inputs);
        var expected = TableReader.Read(Samples.ZooFile("twobranch3.expected.csv"));
        Assert.HasCount(64, rows);
        var engine = new DeviceEngine(result.Model);
        int same = 0;
        double worst = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var outputs = engine.RunOutputs(rows[r]);   // probs_0, probs_1, probs_2, class_id
            Assert.HasCount(4, outputs);
            for (int k = 0; k < 3; k++) worst = Math.Max(worst, Math.Abs(outputs[k] - expected.Numbers($"probs_{k}")[r]));
            if (outputs[3] == expected.Numbers("class_id")[r]) same++;
        }
        Console.WriteLine($"64 zoo rows: class id equal on {same}, max |probs error| {worst:G4}");
        Assert.AreEqual(64, same);   // 99 % of 64 rows leaves none to differ
        Assert.IsLessThan(0.2, worst);
    }

    [TestMethod]
    public void ColumnsGoToInputsByNameNeverByPosition()
    {
        var inputs = new List<(string, int)> { ("features", 64), ("windows", 256) };
        var features = TableReader.Read(Samples.File("test_164V.features.csv"));
        var windows = TableReader.Read(Samples.File("test_164V.windows.csv"));
        // Tables in either order: each input finds its family by name.
        var resolved = ModelInputColumns.Resolve([windows, features], inputs, null, "label");
        Assert.AreSame(features, resolved[0].Table);
        Assert.AreSame(windows, resolved[1].Table);
        Assert.AreEqual("features=f0..f63;windows=s0..s255", ModelInputColumns.Describe(resolved));
        // Named specs round-trip; a plain spec for a two-input model, an unknown input or a missing column is an error naming it.
        Assert.AreEqual("f0", ModelInputColumns.Resolve([features, windows], inputs, "windows=s0..s255;features=f0..f63", null)[0].Columns[0]);
        StringAssert.Contains(Assert.ThrowsExactly<SettingException>(() => ModelInputColumns.Resolve([features, windows], inputs, "f0..f63", null)).Message, "has 2 inputs (features, windows)");
        StringAssert.Contains(Assert.ThrowsExactly<SettingException>(() => ModelInputColumns.Resolve([features, windows], inputs, "feature=f0..f63", null)).Message, "no input 'feature'");
        StringAssert.Contains(Assert.ThrowsExactly<DataFileException>(() => ModelInputColumns.Resolve([features], inputs, null, "label")).Message, "256");
    }

    [TestMethod]
    public void TablesOfDifferentLengthsAreRefusedNotShortened()
    {
        string shortWindows = Samples.ScratchFile("short.windows.csv");
        File.WriteAllLines(shortWindows, File.ReadLines(Samples.File("test_164V.windows.csv")).Take(11));
        var inputs = ModelInputColumns.Resolve([TableReader.Open(Samples.File("test_164V.features.csv")), TableReader.Open(shortWindows)],
            [("features", 64), ("windows", 256)], null, "label");
        var e = Assert.ThrowsExactly<DataFileException>(() => ModelInputColumns.ReadAll(inputs));
        StringAssert.Contains(e.Message, "short.windows.csv (10)");
        StringAssert.Contains(e.Message, "same rows");
    }

    [TestMethod]
    public void ARowHoldsTheInputsOneAfterAnotherInInputOrder()
    {
        var features = TableReader.Read(Samples.File("test_164V.features.csv"));
        var windows = TableReader.Read(Samples.File("test_164V.windows.csv"));
        var inputs = ModelInputColumns.Resolve([windows, features], [("features", 64), ("windows", 256)], null, "label");
        var rows = ModelInputColumns.ReadAll(inputs);
        Assert.HasCount(features.RowCount, rows);
        Assert.AreEqual((float)features.Numbers("f63")[1500], rows[1500][63]);
        Assert.AreEqual((float)windows.Numbers("s0")[1500], rows[1500][64]);
        Assert.AreEqual((float)windows.Numbers("s255")[1500], rows[1500][319]);
    }
}

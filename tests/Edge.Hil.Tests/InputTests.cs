using Edge.Models.Import;
using Edge.Models.Verification;
using Edge.Hil.Inputs;
using Edge.Hil.Plan;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>How models and tables are found: column families, bindings, ambiguity, broken models among good ones.</summary>
[TestClass]
public sealed class InputTests
{
    [TestMethod]
    public void AModelTakesTheFamilyOfExactlyItsInputCount()
    {
        string[] features = ["f0", "f1", "f2", "load", "label"], windows = ["s0", "s1", "s2", "s3", "label"];
        Assert.AreEqual("f0..f2", ColumnFamily.Find(features, 3));
        Assert.IsNull(ColumnFamily.Find(windows, 3), "s0..s2 is part of a longer family: not a 3-input table");
        Assert.AreEqual("s0..s3", ColumnFamily.Find(windows, 4));
        Assert.IsNull(ColumnFamily.Find(["a0", "a1", "b0", "b1"], 2), "two families fit: ambiguous");
        Assert.IsNull(ColumnFamily.Find(["f0", "f2"], 2), "a gap is not a family");
    }

    [TestMethod]
    public void TheMotorFluxTablesGoToTheirModels()
    {
        var catalog = DataCatalog.From([Path.GetDirectoryName(RepoPaths.MotorFlux("test_164V.features.csv"))!], "--data");
        // The sample folder holds train, test and drift sets of both kinds: a folder alone is ambiguous, and says how to choose.
        var e = Assert.ThrowsExactly<HilInputException>(() => catalog.For("flux_mlp", 64, null));
        StringAssert.Contains(e.Message, "several tables hold the input of model 'flux_mlp' (drift_289V.features.csv, test_164V.features.csv, train_164V.features.csv)");
        StringAssert.Contains(e.Message, "--data flux_mlp=FILE");

        var chosen = DataCatalog.From(Fixtures.TestData, "--data");
        Assert.AreEqual(new DataChoice(RepoPaths.MotorFlux("test_164V.features.csv"), "f0..f63"), chosen.For("flux_mlp", 64, null));
        Assert.AreEqual(new DataChoice(RepoPaths.MotorFlux("test_164V.windows.csv"), "s0..s255"), chosen.For("flux_cnn1d", 256, null));
        Assert.AreEqual(RepoPaths.MotorFlux("test_164V.features.csv"), chosen.For("x", 64, "f0..f63").Path, "columns an .edgem recorded");

        var bound = DataCatalog.From([.. Fixtures.TestData, "flux_mlp=" + RepoPaths.MotorFlux("drift_289V.features.csv")], "--data");
        Assert.AreEqual(RepoPaths.MotorFlux("drift_289V.features.csv"), bound.For("flux_mlp", 64, null).Path);
        CollectionAssert.AreEqual(new[] { "flux_mlp" }, bound.UnknownBindings(["flux_cnn1d"]).ToArray());
    }

    [TestMethod]
    public void ModelsAreFoundInFoldersAndPairedWithTheirFloatModel()
    {
        var models = ModelCatalog.Resolve([ConvertedModels.Both]);
        CollectionAssert.AreEqual(new[] { "flux_autoencoder", "flux_mlp" }, models.Select(m => m.Name).ToArray());
        Assert.IsTrue(models.All(m => m.EdgemPath is not null && File.Exists(m.OnnxPath)));

        string lonely = Path.Combine(RepoPaths.TempDirectory("hil-lonely"), "mlp2.edgem");
        File.Copy(ConvertedModels.Mlp, lonely);
        File.Delete(Path.Combine(Path.GetDirectoryName(lonely)!, "flux_mlp.onnx"));
        var e = Assert.ThrowsExactly<HilInputException>(() => ModelCatalog.Resolve([lonely]));
        StringAssert.Contains(e.Message, "needs its float model beside it (mlp2.onnx or flux_mlp.onnx)");

        var twice = Assert.ThrowsExactly<HilInputException>(() => ModelCatalog.Resolve([ConvertedModels.Mlp, Fixtures.Onnx("flux_mlp")]));
        StringAssert.Contains(twice.Message, "two models are named 'flux_mlp'");
    }

    [TestMethod]
    public void AModelWithSeveralInputsIsRefusedNamingThemNotFedItsFirstInputOnly()
    {
        var preparer = new ModelPreparer(DataCatalog.From([Zoo("inputs.features.csv"), Zoo("inputs.windows.csv")], "--data"),
            DataCatalog.From([Zoo("inputs.features.csv")], "--calib"), RepoPaths.TempDirectory("hil-twobranch"), new MeasurementPlan(), new FileHashes());
        var e = Assert.ThrowsExactly<ModelImportException>(() => preparer.Plan(new ModelSource("twobranch3", Zoo("twobranch3.onnx"), null)));
        StringAssert.Contains(e.Message, "twobranch3.onnx has 2 inputs (features, windows)");
        StringAssert.Contains(e.Message, "edge model verify");
        // A one-input model of the same zoo is still planned from the same tables.
        Assert.AreEqual("inputs.features.csv", Path.GetFileName(preparer.Plan(new ModelSource("logreg", Zoo("logreg.onnx"), null)).Data.Path));
    }

    [TestMethod]
    public async Task ABrokenModelFailsItsCellsAndTheOthersAreMeasured()
    {
        string folder = RepoPaths.TempDirectory("hil-broken");
        string models = Path.Combine(folder, "models");
        Directory.CreateDirectory(models);
        File.Copy(Fixtures.Onnx("flux_mlp"), Path.Combine(models, "flux_mlp.onnx"));
        File.WriteAllText(Path.Combine(models, "broken.onnx"), "this is not a protobuf");
        var rig = Fixtures.Rig("rig: r\nmeasurement: { warmup: 1, inferences: 2, accuracy-rows: 20 }\nboards:\n  - name: b\n    kind: simulated\n    profile: nucleo-f401re\n", folder);
        var summary = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = rig,
            Models = [models],
            Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
            Calibration = [RepoPaths.MotorFlux("train_164V.features.csv")],
            OutputDirectory = Path.Combine(folder, "out"),
        }, NoProgress.Instance, CancellationToken.None);
        var broken = summary.Results.Single(r => r.Model == "broken");
        Assert.AreEqual(CellStatus.Failed, broken.Status);
        Assert.AreEqual("prepare", broken.FailedPhase);
        StringAssert.Contains(broken.Reason, "broken.onnx");
        Assert.AreEqual(CellStatus.Ok, summary.Results.Single(r => r.Model == "flux_mlp").Status);
        StringAssert.Contains(summary.Results.Single(r => r.Model == "flux_mlp").ModelProvenance, "calibrated on train_164V.features.csv (f0..f63)");
    }

    private static string Zoo(string file) => Path.Combine(RepoPaths.Root, "samples", "zoo", file);
}

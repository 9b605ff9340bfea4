using Edge.Hil.Inputs;
using Edge.Hil.Plan;
using Edge.Hil.Tests.Support;
using Edge.Models;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// A run converts each ONNX model once and keeps the .edgem in its models/ folder; the next run
/// reuses it only while every input of the conversion is unchanged: the ONNX file and the
/// calibration table (its key is their SHA-256, not their names).
/// </summary>
[TestClass]
public sealed class ConversionCacheTests
{
    private static readonly DateTime Stamp = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [TestMethod]
    public void AChangedCalibrationTableIsConvertedAgainAndAnUnchangedOneReused()
    {
        string folder = RepoPaths.TempDirectory("hil-conversion-cache");
        string models = Path.Combine(folder, "models");
        Directory.CreateDirectory(models);
        string onnx = Path.Combine(folder, "flux_mlp.onnx");
        File.Copy(Fixtures.Onnx("flux_mlp"), onnx);
        string calib = Path.Combine(folder, "calib.csv");
        var lines = File.ReadAllLines(RepoPaths.MotorFlux("train_164V.features.csv"));
        File.WriteAllLines(calib, lines);
        string edgemPath = Path.Combine(models, "flux_mlp.edgem");

        // Each run has its own hashes, as HilRunner makes them.
        byte[] Run()
        {
            var preparer = new ModelPreparer(DataCatalog.From([RepoPaths.MotorFlux("test_164V.features.csv")], "--data"), DataCatalog.From([calib], "--calib"),
                models, new MeasurementPlan { AccuracyRows = 4 }, new FileHashes());
            return preparer.Prepare(preparer.Plan(new ModelSource("flux_mlp", onnx, null))).Edgem;
        }

        byte[] first = Run();
        CollectionAssert.AreEqual(first, File.ReadAllBytes(edgemPath));
        File.SetLastWriteTimeUtc(edgemPath, Stamp);

        CollectionAssert.AreEqual(first, Run());
        Assert.AreEqual(Stamp, File.GetLastWriteTimeUtc(edgemPath), "same ONNX file and table: the cached conversion is reused, not written again");

        // Same name, same columns, other rows: a calibration the cached model was not made from.
        File.WriteAllLines(calib, lines.Take(401));
        byte[] second = Run();
        Assert.AreNotEqual(Stamp, File.GetLastWriteTimeUtc(edgemPath), "the changed table is converted again");
        CollectionAssert.AreNotEqual(first, second, "the first 400 rows calibrate other activation ranges");
        var fresh = ModelConverter.Convert(new ConvertOptions(onnx, calib, Path.Combine(folder, "fresh.edgem")) { InputColumns = "f0..f63" });
        CollectionAssert.AreEqual(fresh.Bytes, second, "what a conversion on the changed table gives");
    }
}

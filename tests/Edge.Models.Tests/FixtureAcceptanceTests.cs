using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>
/// The acceptance bar on samples/motor-flux: each model converted on train_164V and
/// verified on test_164V, the int8 device engine against ONNX Runtime (float) on every row.
/// </summary>
[TestClass]
public sealed class FixtureAcceptanceTests
{
    [TestMethod]
    [DataRow("flux_mlp")]
    [DataRow("flux_cnn1d")]
    public void ClassifiersKeepTheirDecisionsAndF1(string name)
    {
        var report = ConvertedFixtures.Get(name).Verify();
        Assert.AreEqual(2000, report.Rows);
        Assert.AreEqual("score", report.Task);
        Assert.IsGreaterThanOrEqualTo(0.99, report.DecisionAgreement!.Value, $"decision agreement {report.DecisionAgreement:P2}");
        Assert.IsLessThanOrEqualTo(0.01, Math.Abs(report.Int8!.F1!.Value - report.Float!.F1!.Value), $"F1 float {report.Float.F1:F4} int8 {report.Int8.F1:F4}");
    }

    [TestMethod]
    public void FloatF1MatchesTheExportersFigures()
    {
        // reference-metrics.json: F1 on test_164V computed with torch at export time.
        Assert.AreEqual(0.9826989619377163, ConvertedFixtures.Get("flux_mlp").Verify().Float!.F1!.Value, 1e-9);
        Assert.AreEqual(0.8758421559191529, ConvertedFixtures.Get("flux_cnn1d").Verify().Float!.F1!.Value, 1e-9);
    }

    [TestMethod]
    public void IsolationForestScoresStayWithinOneHundredth()
    {
        var report = ConvertedFixtures.Get("flux_iforest").Verify();
        Assert.IsLessThanOrEqualTo(0.01, report.Agreement.MaxAbsError, $"max |score error| {report.Agreement.MaxAbsError:G4}");
        // The exporter computed AUC on scikit-learn's float64 scores; ONNX Runtime's are float32, so ranks may tie differently.
        Assert.AreEqual(0.7159348154167634, report.Float!.Auc!.Value, 1e-3, $"ONNX Runtime's AUC {report.Float.Auc:F6} is the exporter's");
    }

    [TestMethod]
    public void AutoencoderReconstructionsKeepTheirDirection()
    {
        var report = ConvertedFixtures.Get("flux_autoencoder").Verify();
        Assert.AreEqual("reconstruction", report.Task);
        Assert.IsGreaterThanOrEqualTo(0.99, report.Agreement.Cosine, $"cosine {report.Agreement.Cosine:F5}");
    }
}

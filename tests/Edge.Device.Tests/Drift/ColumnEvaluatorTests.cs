using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// How a window is decided from its metrics (firmware/docs/drift-metrics.md): each column by its
/// test (distances at or above the threshold; KS, chi-square and |Z| strictly beyond their critical
/// values), the window by the share of drifted features and the combine mode. Values are set by
/// hand at each boundary, so an off-by-one comparison fails.
/// </summary>
[TestClass]
public sealed class ColumnEvaluatorTests
{
    private const int Threshold = 6554;
    private const int ZCritical = 128452;

    private static bool Decide(byte test, Action<DriftReport> set, int criticalQ16 = 0)
    {
        var column = TestProfiles.Binned("x", TestProfiles.EvenEdges(4), new[] { 1, 1, 1, 1 }, test: test, thresholdQ16: Threshold);
        column.CriticalQ16 = criticalQ16;
        var report = new DriftReport(2);
        set(report);
        return ColumnEvaluator.Decide(column, ZCritical, report, 1);
    }

    [TestMethod]
    public void DistancesDriftAtTheirThreshold()
    {
        var metrics = new (byte Test, Func<DriftReport, int[]> Field)[]
        {
            (DriftTest.Psi, r => r.Psi), (DriftTest.KullbackLeibler, r => r.Kl), (DriftTest.JensenShannon, r => r.Js),
            (DriftTest.Hellinger, r => r.Hellinger), (DriftTest.TotalVariation, r => r.Tvd), (DriftTest.Wasserstein, r => r.Wasserstein),
        };
        foreach (var (test, field) in metrics)
        {
            Assert.IsTrue(Decide(test, r => field(r)[1] = Threshold), $"{DriftTest.Name(test)} at the threshold");
            Assert.IsFalse(Decide(test, r => field(r)[1] = Threshold - 1), $"{DriftTest.Name(test)} just below");
            Assert.IsFalse(Decide(test, r => field(r)[0] = Threshold), $"{DriftTest.Name(test)}: another column's value");
        }
    }

    [TestMethod]
    public void TestStatisticsDriftOnlyBeyondTheirCriticalValue()
    {
        Assert.IsFalse(Decide(DriftTest.KolmogorovSmirnov, r => { r.Ks[1] = 5000; r.KsCritical[1] = 5000; }), "KS at its critical value");
        Assert.IsTrue(Decide(DriftTest.KolmogorovSmirnov, r => { r.Ks[1] = 5001; r.KsCritical[1] = 5000; }));
        Assert.IsFalse(Decide(DriftTest.KolmogorovSmirnov, r => { r.Ks[1] = 4999; r.KsCritical[1] = 5000; }));

        Assert.IsFalse(Decide(DriftTest.ChiSquare, r => r.ChiSquare[1] = 70000, criticalQ16: 70000), "chi-square at its critical value");
        Assert.IsTrue(Decide(DriftTest.ChiSquare, r => r.ChiSquare[1] = 70001, criticalQ16: 70000));
        Assert.IsFalse(Decide(DriftTest.ChiSquare, r => r.ChiSquare[1] = 69999, criticalQ16: 70000));

        foreach (int sign in new[] { 1, -1 })
        {
            Assert.IsFalse(Decide(DriftTest.ZTest, r => r.Z[1] = sign * ZCritical), $"Z = {sign} x critical");
            Assert.IsTrue(Decide(DriftTest.ZTest, r => r.Z[1] = sign * (ZCritical + 1)), $"Z beyond {sign} x critical");
            Assert.IsFalse(Decide(DriftTest.ZTest, r => r.Z[1] = sign * (ZCritical - 1)));
        }
        Assert.IsFalse(Decide(99, r => r.Psi[1] = int.MaxValue), "an unknown test never drifts");
    }

    /// <summary>Four binned features over 8 bins of width 100 (TVD test) and, optionally, a prediction score column.</summary>
    private static DriftMonitor Monitor(int driftShareQ16, byte combine = CombineMode.Data, bool prediction = true, int features = 4)
    {
        var policy = TestProfiles.Policy(window: 80);
        policy.DriftShareQ16 = driftShareQ16;
        policy.CombineMode = combine;
        var columns = new List<ProfileColumn>();
        for (int f = 0; f < features; f++)
            columns.Add(TestProfiles.Binned("f" + f, TestProfiles.EvenEdges(8), Enumerable.Repeat(500, 8).ToArray(), test: DriftTest.TotalVariation));
        if (prediction)
        {
            var score = TestProfiles.Binned("score", TestProfiles.EvenEdges(8), Enumerable.Repeat(500, 8).ToArray(), test: DriftTest.TotalVariation);
            score.Kind = ColumnKind.PredictionScore;
            columns.Add(score);
        }
        return new DriftMonitor(TestProfiles.Of(policy, columns.ToArray()));
    }

    /// <summary>One window of 80 rows: 10 per reference bin (TVD 0) in columns not listed, all above the top edge (TVD 7/8) in those listed.</summary>
    private static DriftReport Window(DriftMonitor monitor, params int[] shifted)
    {
        int columns = monitor.Profile.Columns.Length;
        var row = new int[columns];
        for (int i = 0; i < 80; i++)
        {
            for (int c = 0; c < columns; c++) row[c] = shifted.Contains(c) ? 5000 : -95 + (i * 10) % 800;
            monitor.Observe(row, 0, false);
        }
        return monitor.LastWindow;
    }

    [TestMethod]
    public void TheDriftShareIsDriftedFeaturesOverFeaturesAndDecidesAtThePolicyShare()
    {
        var monitor = Monitor(driftShareQ16: 32768);
        var one = Window(monitor, 2);
        Assert.AreEqual((1, 16384, false), (one.DriftedFeatures, one.DriftShareQ16, one.DataDrift), "1 of 4 features");
        Assert.IsTrue(one.AnyColumnDrifted);
        var two = Window(monitor, 0, 3);
        Assert.AreEqual((2, 32768, true), (two.DriftedFeatures, two.DriftShareQ16, two.DataDrift), "2 of 4: exactly the policy's share");
        var three = Window(monitor, 0, 1, 3);
        Assert.AreEqual((3, 49152, true), (three.DriftedFeatures, three.DriftShareQ16, three.DataDrift));
        Assert.IsFalse(three.PredictionDrift, "the prediction column is not a feature and did not drift");
    }

    [TestMethod]
    public void AWindowWithoutDriftedColumnsIsNotDataDriftEvenAtAZeroShare()
    {
        var report = Window(Monitor(driftShareQ16: 0));
        Assert.AreEqual((0, 0), (report.DriftedFeatures, report.DriftShareQ16));
        Assert.IsFalse(report.DataDrift, "no drifted feature, whatever the policy's share");
        Assert.IsFalse(report.AnyColumnDrifted);
        Assert.IsFalse(report.PredictionDrift);
        Assert.IsFalse(report.Drifting);
    }

    [TestMethod]
    public void APredictionColumnCountsAsPredictionDriftNotAsAFeature()
    {
        var monitor = Monitor(driftShareQ16: 16384, combine: CombineMode.Prediction);
        var report = Window(monitor, 4);
        Assert.AreEqual((0, 0, false), (report.DriftedFeatures, report.DriftShareQ16, report.DataDrift));
        Assert.IsTrue(report.PredictionDrift);
        Assert.IsTrue(report.AnyColumnDrifted);
        Assert.IsTrue(report.Drifting, "combine mode prediction");
        Assert.IsTrue(report.Drifted[4]);
    }

    [TestMethod]
    public void AProfileWithOnlyAPredictionColumnHasAZeroDriftShare()
    {
        var monitor = Monitor(driftShareQ16: 0, combine: CombineMode.DataOrPrediction, features: 0);
        var report = Window(monitor, 0);
        Assert.AreEqual((0, 0, false), (report.DriftedFeatures, report.DriftShareQ16, report.DataDrift));
        Assert.IsTrue(report.PredictionDrift && report.Drifting);
    }

    [TestMethod]
    public void OnlyATwoCategoryColumnHasAZStatistic()
    {
        var policy = TestProfiles.Policy(window: 100);
        var three = TestProfiles.Categorical("c3", new[] { "a", "b", "c" }, new[] { 300, 300, 400 }, test: DriftTest.ChiSquare, criticalQ16: 6 << 16);
        var two = TestProfiles.Categorical("c2", new[] { "a", "b" }, new[] { 500, 500 }, test: DriftTest.ZTest);
        var monitor = new DriftMonitor(TestProfiles.Of(policy, three, two));
        var row = new int[2];
        for (int i = 0; i < 100; i++)
        {
            row[0] = 0; // every sample in the first category: far from the reference
            row[1] = 0;
            monitor.Observe(row, 0, false);
        }
        var report = monitor.LastWindow;
        Assert.AreEqual(0, report.Z[0], "three categories: no Z");
        Assert.IsTrue(report.ChiSquare[0] > 6 << 16 && report.Drifted[0]);
        Assert.IsTrue(report.Z[1] > ZCritical && report.Drifted[1], $"two categories: Z {report.Z[1] / 65536.0}");
    }

    [TestMethod]
    public void AColumnWithEveryValueMissingHasNoMetricsInThatWindow()
    {
        var monitor = Monitor(driftShareQ16: 16384, prediction: false, features: 2);
        var drifted = Window(monitor, 1);
        Assert.IsTrue(drifted.Drifted[1] && drifted.Tvd[1] > 0 && drifted.Ks[1] > 0 && drifted.Wasserstein[1] > 0, "premise: column 1 drifted");
        var row = new int[2];
        for (int i = 0; i < 80; i++)
        {
            row[0] = -95 + (i * 10) % 800;
            row[1] = Edge.Device.Numerics.FixedPointInput.Missing;
            monitor.Observe(row, 0, false);
        }
        var report = monitor.LastWindow;
        Assert.AreEqual(80, report.Missing[1]);
        var values = new[] { report.Psi, report.Kl, report.Js, report.Hellinger, report.Tvd, report.Ks, report.KsUpper, report.KsCritical,
            report.Wasserstein, report.WassersteinBound, report.ChiSquare, report.Z }.Select(m => m[1]).ToArray();
        CollectionAssert.AreEqual(new int[values.Length], values, "every metric of the empty column is 0");
        Assert.IsFalse(report.Drifted[1]);
        Assert.AreEqual(0, report.DriftedFeatures);
    }
}

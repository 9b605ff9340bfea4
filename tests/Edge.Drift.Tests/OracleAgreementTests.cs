using System.Text.Json;
using Edge.Device.Drift;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;

namespace Edge.Drift.Tests;

/// <summary>
/// The board's drift code on the motor-flux sets against drift-oracle.json (numpy/scipy on the
/// same binning rule): each set judged as one window against the train_164V profile, with the
/// data's double values as input, as numpy had them.
/// Bounds: binned metrics within 2^-15 (firmware/docs/drift-metrics.md); raw-data KS between the
/// board's lower and upper bounds; Wasserstein within the discretisation area computed from the
/// raw data (ModelledCdf) and within the bound the board reports.
/// </summary>
[TestClass]
public sealed class OracleAgreementTests
{
    private const double MetricBound = 1.0 / 32768;

    public static IEnumerable<object[]> Sets => [["test_164V"], ["drift_289V"]];

    private static (DriftMonitor Monitor, int[][] Rows) Judge(string set)
    {
        var table = MotorFluxFixture.Read(set);
        var rows = RowEncoder.Encode(MotorFluxFixture.Profile, table, InputPrecision.Double); // the oracle is numpy: double input
        var monitor = new DriftMonitor(MotorFluxFixture.Profile, rows.Length);
        foreach (var row in rows) monitor.Observe(row, 0, false);
        Assert.AreEqual(1, monitor.WindowsCompleted);
        return (monitor, rows);
    }

    [TestMethod]
    public void EdgesAreTheReferenceQuantiles()
    {
        foreach (string f in MotorFluxFixture.Features)
        {
            var sorted = MotorFluxFixture.Train.Numbers(f).OrderBy(v => v).ToArray();
            var expected = MotorFluxFixture.Oracle.GetProperty("edges").GetProperty(f).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var actual = Quantiles.InnerEdges(sorted, 16);
            for (int i = 0; i < 15; i++)
                Assert.AreEqual(expected[i], actual[i], Math.Abs(expected[i]) * 1e-12, $"{f} edge {i}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void BinsHoldTheOraclesShares(string set)
    {
        var (_, rows) = Judge(set);
        var profile = MotorFluxFixture.Profile;
        foreach (string f in MotorFluxFixture.Features)
        {
            int c = profile.IndexOf(f);
            var oracle = OracleFeature(set, f);
            var counts = new int[16];
            foreach (var row in rows) counts[SlotIndex.Of(profile.Columns[c], row[c])]++;
            var expectedCur = oracle.GetProperty("cur_shares").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var expectedRef = oracle.GetProperty("ref_shares").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int i = 0; i < 16; i++)
            {
                Assert.AreEqual(expectedCur[i], counts[i] / (double)rows.Length, 1e-12, $"{set} {f} current bin {i}");
                Assert.AreEqual(expectedRef[i], profile.Columns[c].RefCounts[i] / (double)profile.ReferenceRows, 1e-12, $"{set} {f} reference bin {i}");
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void BinnedMetricsAgreeWithinTheStatedBound(string set)
    {
        var (monitor, _) = Judge(set);
        var report = monitor.LastWindow;
        double worst = 0;
        foreach (string f in MotorFluxFixture.Features)
        {
            int c = monitor.Profile.IndexOf(f);
            var oracle = OracleFeature(set, f);
            void Check(string name, int q16)
            {
                double error = Math.Abs(q16 / 65536.0 - oracle.GetProperty(name).GetDouble());
                worst = Math.Max(worst, error);
                Assert.IsTrue(error <= MetricBound, $"{set} {f} {name}: board {q16 / 65536.0}, oracle {oracle.GetProperty(name).GetDouble()}");
            }
            Check("psi", report.Psi[c]);
            Check("kl_ref_cur", report.Kl[c]);
            Check("js_distance", report.Js[c]);
            Check("hellinger", report.Hellinger[c]);
            Check("tvd", report.Tvd[c]);
            Check("ks_statistic_binned", report.Ks[c]);
        }
        Console.WriteLine($"{set}: worst binned-metric error {worst:E2}");
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void RawKolmogorovSmirnovLiesBetweenTheBoardsBounds(string set)
    {
        var (monitor, _) = Judge(set);
        foreach (string f in MotorFluxFixture.Features)
        {
            int c = monitor.Profile.IndexOf(f);
            double raw = OracleFeature(set, f).GetProperty("ks_statistic").GetDouble();
            double lower = monitor.LastWindow.Ks[c] / 65536.0, upper = monitor.LastWindow.KsUpper[c] / 65536.0;
            Assert.IsTrue(raw >= lower - MetricBound && raw <= upper + MetricBound, $"{set} {f}: raw KS {raw} outside [{lower}, {upper}]");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void WassersteinIsWithinItsDiscretisationError(string set)
    {
        var (monitor, _) = Judge(set);
        var current = MotorFluxFixture.Read(set);
        double worstError = 0, worstShare = 0;
        foreach (string f in MotorFluxFixture.Features)
        {
            int c = monitor.Profile.IndexOf(f);
            var edges = MotorFluxFixture.Oracle.GetProperty("edges").GetProperty(f).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var reference = MotorFluxFixture.Train.Numbers(f);
            var values = current.Numbers(f);
            double mean = reference.Average();
            double norm = Math.Max(Math.Sqrt(reference.Sum(v => (v - mean) * (v - mean)) / reference.Length), 0.001);
            double area = (new ModelledCdf(reference, edges).AreaTo(reference) + new ModelledCdf(values, edges).AreaTo(values)) / norm;
            double oracle = OracleFeature(set, f).GetProperty("wasserstein_normed").GetDouble();
            double board = monitor.LastWindow.Wasserstein[c] / 65536.0;
            double boardBound = monitor.LastWindow.WassersteinBound[c] / 65536.0;
            double error = Math.Abs(board - oracle);
            Assert.IsTrue(error <= area + 1e-3, $"{set} {f}: board {board}, oracle {oracle}, discretisation area {area}");
            Assert.IsTrue(error <= boardBound + 1e-3, $"{set} {f}: board {board}, oracle {oracle}, board's own bound {boardBound}");
            worstError = Math.Max(worstError, error);
            worstShare = Math.Max(worstShare, error / Math.Max(area, 1e-9));
        }
        Console.WriteLine($"{set}: worst |W board - W raw| = {worstError:F4}, at most {worstShare:P0} of the discretisation area");
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void DecisionsMatchEvidentlysDefault(string set)
    {
        var (monitor, _) = Judge(set);
        var evidently = MotorFluxFixture.Oracle.GetProperty("current").GetProperty(set).GetProperty("evidently_default");
        var expected = evidently.GetProperty("drifted_features").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var actual = MotorFluxFixture.Features.Where(f => monitor.LastWindow.Drifted[monitor.Profile.IndexOf(f)]).ToHashSet();
        Assert.IsTrue(expected.SetEquals(actual), $"{set}: oracle drifted [{string.Join(",", expected)}], board [{string.Join(",", actual)}]");
        bool featureDrift = actual.Count >= 0.5 * MotorFluxFixture.Features.Count;
        Assert.AreEqual(evidently.GetProperty("dataset_drift").GetBoolean(), featureDrift);
    }

    [TestMethod]
    [DynamicData(nameof(Sets))]
    public void LoadChiSquareMatchesScipy(string set)
    {
        var (monitor, _) = Judge(set);
        var oracle = MotorFluxFixture.Oracle.GetProperty("current").GetProperty(set).GetProperty("load_chi2");
        int c = monitor.Profile.IndexOf("load");
        double chi = monitor.LastWindow.ChiSquare[c] / 65536.0;
        Assert.AreEqual(oracle.GetProperty("statistic").GetDouble(), chi, 1e-4);
        Assert.AreEqual(oracle.GetProperty("pvalue").GetDouble(), CriticalValues.ChiSquarePValue(chi, 2), 1e-4);
    }

    private static JsonElement OracleFeature(string set, string feature) =>
        MotorFluxFixture.Oracle.GetProperty("current").GetProperty(set).GetProperty("features").GetProperty(feature);
}

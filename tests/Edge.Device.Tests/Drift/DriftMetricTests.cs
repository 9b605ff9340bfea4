using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// The board's fixed-point metrics against the double-precision definitions, on random
/// histograms fed through the real per-sample path. Stated bound (firmware/docs/drift-metrics.md):
/// PSI, KL, JS, Hellinger, TVD and KS within 2^-15 of the exact value of the same histograms.
/// </summary>
[TestClass]
public sealed class DriftMetricTests
{
    private const double Bound = 1.0 / 32768;

    /// <summary>A value that falls in bin <paramref name="bin"/> of <see cref="TestProfiles.EvenEdges"/>.</summary>
    private static int ValueInBin(int bin, int bins) => bin == bins - 1 ? (bins - 2) * 100 + 50 : bin * 100 - 50;

    private static (DriftReport Report, double[] Cur, double[] Ref) RunBinned(Random random, int bins, int samples)
    {
        var refCounts = Enumerable.Range(0, bins).Select(_ => random.Next(0, 4) == 0 ? random.Next(0, 3) : random.Next(1, 5000)).ToArray();
        if (refCounts.Sum() == 0) refCounts[0] = 1;
        var weights = Enumerable.Range(0, bins).Select(_ => random.Next(0, 3) == 0 ? 0.0 : random.NextDouble()).ToArray();
        if (weights.Sum() == 0) weights[random.Next(bins)] = 1;
        var profile = TestProfiles.Of(TestProfiles.Policy(window: samples), TestProfiles.Binned("x", TestProfiles.EvenEdges(bins), refCounts, test: DriftTest.Psi));
        var monitor = new DriftMonitor(profile);
        var cur = new double[bins];
        var row = new int[1];
        double total = weights.Sum();
        for (int i = 0; i < samples; i++)
        {
            double u = random.NextDouble() * total;
            int bin = 0;
            while (bin < bins - 1 && (u -= weights[bin]) > 0) bin++;
            if (weights[bin] == 0) bin = Array.FindIndex(weights, w => w > 0);
            cur[bin]++;
            row[0] = ValueInBin(bin, bins);
            monitor.Observe(row, 0, false);
        }
        return (monitor.LastWindow, cur, refCounts.Select(c => (double)c).ToArray());
    }

    [TestMethod]
    public void BinnedMetricsMatchTheirDefinitions()
    {
        var random = new Random(11);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            int bins = random.Next(2, 65);
            int samples = random.Next(1, 3) == 1 ? random.Next(1, 200) : random.Next(200, 65536);
            var (report, cur, reference) = RunBinned(random, bins, samples);
            var a = DoubleReference.Shares(cur);
            var e = DoubleReference.Shares(reference);
            void Check(string metric, int q16, double expected)
            {
                double error = Math.Abs(q16 / 65536.0 - expected);
                worst = Math.Max(worst, error);
                Assert.IsTrue(error <= Bound, $"trial {trial} ({bins} bins, {samples} samples): {metric} = {q16 / 65536.0}, expected {expected}");
            }
            Check("psi", report.Psi[0], DoubleReference.Psi(a, e));
            Check("kl", report.Kl[0], DoubleReference.Kl(a, e));
            Check("js", report.Js[0], DoubleReference.JensenShannon(a, e));
            Check("hellinger", report.Hellinger[0], DoubleReference.Hellinger(a, e));
            Check("tvd", report.Tvd[0], DoubleReference.TotalVariation(a, e));
            Check("ks", report.Ks[0], DoubleReference.KsBinned(a, e));
            double critical = 89000 / 65536.0 * Math.Sqrt(1.0 / samples + 1.0 / reference.Sum());
            Check("ks critical", report.KsCritical[0], critical);
        }
        Console.WriteLine($"worst error {worst:E2} (bound {Bound:E2})");
    }

    /// <summary>
    /// The same definitions as <see cref="BinnedMetricsMatchTheirDefinitions"/>, with the metrics
    /// called on histograms built here instead of fed sample by sample: many more histograms per
    /// second, including the extremes a random stream rarely reaches (a full 65535-sample window in
    /// one slot, a single sample, empty slots on either side). KS's upper bound is checked against
    /// its definition as well (max over bins of |Ca(i) - Ce(i-1)| and |Ca(i-1) - Ce(i)|).
    /// </summary>
    [TestMethod]
    public void DivergencesOfHistogramsMatchTheirDefinitions()
    {
        var random = new Random(17);
        var report = new DriftReport(1);
        for (int trial = 0; trial < 3000; trial++)
        {
            int bins = random.Next(2, 65);
            var refCounts = Enumerable.Range(0, bins).Select(_ => random.Next(0, 4) == 0 ? 0 : random.Next(1, 5000)).ToArray();
            if (refCounts.Sum() == 0) refCounts[random.Next(bins)] = 1;
            var counts = new ushort[bins + 2]; // at an offset, as a column inside a sketch
            int samples = trial % 7 == 0 ? 65535 : trial % 7 == 1 ? 1 : random.Next(1, 65536);
            int[] used = Enumerable.Range(0, bins).Where(_ => random.Next(0, 3) != 0).ToArray();
            if (used.Length == 0 || trial % 11 == 0) used = new[] { random.Next(bins) };
            var weights = used.Select(_ => random.NextDouble() + 1e-3).ToArray();
            int placed = 0;
            for (int k = 0; k < used.Length; k++)
            {
                int take = k == used.Length - 1 ? samples - placed : (int)(samples * weights[k] / weights.Sum());
                counts[1 + used[k]] = (ushort)take;
                placed += take;
            }

            var column = TestProfiles.Binned("x", TestProfiles.EvenEdges(bins), refCounts, test: DriftTest.Psi);
            TestProfiles.Of(TestProfiles.Policy(), column);
            var view = new HistogramView { Counts = counts, At = 1, Slots = bins, Total = samples, UnitShift = 0 };
            var share = new long[bins];
            var subst = new long[bins];
            var lnSubst = new long[bins];
            long substSum = Divergences.PrepareShares(view, share, subst, lnSubst);
            KolmogorovSmirnov.Evaluate(column, view, 89000, report, 0);

            var cur = counts.Skip(1).Take(bins).Select(c => (double)c).ToArray();
            var a = DoubleReference.Shares(cur);
            var e = DoubleReference.Shares(refCounts.Select(c => (double)c).ToArray());
            void Check(string metric, int q16, double expected) =>
                Assert.AreEqual(expected, q16 / 65536.0, Bound, $"trial {trial} ({bins} bins, {samples} samples in {used.Length} slots): {metric}");
            Check("psi", Divergences.Psi(column, bins, subst, lnSubst), DoubleReference.Psi(a, e));
            Check("kl", Divergences.Kl(column, bins, lnSubst, substSum), DoubleReference.Kl(a, e));
            Check("js", Divergences.JensenShannon(column, view, share), DoubleReference.JensenShannon(a, e));
            Check("hellinger", Divergences.Hellinger(column, bins, share), DoubleReference.Hellinger(a, e));
            Check("tvd", Divergences.TotalVariation(column, view), DoubleReference.TotalVariation(a, e));
            Check("ks", report.Ks[0], DoubleReference.KsBinned(a, e));
            Check("ks upper", report.KsUpper[0], KsUpper(a, e));
            Check("ks critical", report.KsCritical[0], 89000 / 65536.0 * Math.Sqrt(1.0 / samples + 1.0 / refCounts.Sum()));
        }
    }

    /// <summary>
    /// The decayed histogram counts sixteenths of a sample: Z and chi-square take its samples and
    /// its "1" count in whole samples (Evidently's two-proportion Z and chi-square on those counts).
    /// </summary>
    [TestMethod]
    public void CategoricalTestsOfADecayedHistogramCountWholeSamples()
    {
        var random = new Random(19);
        var report = new DriftReport(1);
        for (int trial = 0; trial < 200; trial++)
        {
            var refCounts = new[] { random.Next(1, 3000), random.Next(1, 3000) };
            var column = TestProfiles.Categorical("c", new[] { "a", "b" }, refCounts, test: DriftTest.ZTest);
            TestProfiles.Of(TestProfiles.Policy(), column);
            var whole = new[] { random.Next(0, 2000), random.Next(0, 2000) };
            if (whole.Sum() == 0) whole[1] = 1;
            var counts = new ushort[] { (ushort)(whole[0] * 16), (ushort)(whole[1] * 16), 0 };
            var view = new HistogramView { Counts = counts, At = 0, Slots = 3, Total = counts.Sum(c => c), UnitShift = 4 };
            var share = new long[3];
            Divergences.PrepareShares(view, share, new long[3], new long[3]);
            var observed = whole.Select(c => (double)c).ToArray();
            var reference = refCounts.Select(c => (double)c).ToArray();
            Assert.AreEqual(DoubleReference.Z(observed, reference), CategoricalTests.Z(column, view, share) / 65536.0, 1e-4, $"trial {trial}: z");
            double chi = Math.Min(DoubleReference.ChiSquare(observed.Append(0).ToArray(), reference.Append(0).ToArray()), DriftReport.Saturated / 65536.0);
            Assert.AreEqual(chi, CategoricalTests.ChiSquare(column, view, share) / 65536.0, Math.Max(1e-4, chi * 1e-6), $"trial {trial}: chi-square");
        }
    }

    /// <summary>max over bins of max(|Ca(i) - Ce(i-1)|, |Ca(i-1) - Ce(i)|), CDFs starting at 0.</summary>
    private static double KsUpper(double[] a, double[] e)
    {
        double ca = 0, ce = 0, max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double nextA = ca + a[i], nextE = ce + e[i];
            max = Math.Max(max, Math.Max(Math.Abs(nextA - ce), Math.Abs(ca - nextE)));
            (ca, ce) = (nextA, nextE);
        }
        return max;
    }

    [TestMethod]
    public void NearlyIdenticalHistogramsKeepSmallDistancesAccurate()
    {
        // sqrt amplifies absolute errors near zero: JS and Hellinger must stay within the bound there too.
        var refCounts = Enumerable.Range(0, 16).Select(i => 1000 + i).ToArray();
        var profile = TestProfiles.Of(TestProfiles.Policy(window: refCounts.Sum() - 3), TestProfiles.Binned("x", TestProfiles.EvenEdges(16), refCounts));
        var monitor = new DriftMonitor(profile);
        var row = new int[1];
        var cur = new double[16];
        for (int bin = 0; bin < 16; bin++)
        {
            int count = refCounts[bin] - (bin < 3 ? 1 : 0);
            cur[bin] = count;
            row[0] = ValueInBin(bin, 16);
            for (int k = 0; k < count; k++) monitor.Observe(row, 0, false);
        }
        var a = DoubleReference.Shares(cur);
        var e = DoubleReference.Shares(refCounts.Select(c => (double)c).ToList());
        Assert.AreEqual(DoubleReference.JensenShannon(a, e), monitor.LastWindow.Js[0] / 65536.0, Bound, $"js {monitor.LastWindow.Js[0] / 65536.0}");
        Assert.AreEqual(DoubleReference.Hellinger(a, e), monitor.LastWindow.Hellinger[0] / 65536.0, Bound, $"hellinger {monitor.LastWindow.Hellinger[0] / 65536.0}");
    }

    [TestMethod]
    public void CategoricalTestsMatchEvidentlysDefinitions()
    {
        var random = new Random(12);
        for (int trial = 0; trial < 300; trial++)
        {
            int categories = random.Next(2, 10);
            var refCounts = Enumerable.Range(0, categories).Select(_ => random.Next(1, 3000)).ToArray();
            var names = Enumerable.Range(0, categories).Select(i => "c" + i).ToArray();
            int samples = random.Next(20, 5000);
            var column = TestProfiles.Categorical("load", names, refCounts, categories == 2 ? DriftTest.ZTest : DriftTest.ChiSquare);
            var monitor = new DriftMonitor(TestProfiles.Of(TestProfiles.Policy(window: samples), column));
            var observed = new double[categories + 1];
            var row = new int[1];
            bool unseen = trial % 10 == 0;
            for (int i = 0; i < samples; i++)
            {
                row[0] = unseen && i == 0 ? 99 : random.Next(0, categories);
                observed[row[0] >= categories ? categories : row[0]]++;
                monitor.Observe(row, 0, false);
            }
            var report = monitor.LastWindow;
            var refWithUnseen = refCounts.Select(c => (double)c).Append(0).ToArray();
            double chi = DoubleReference.ChiSquare(observed, refWithUnseen);
            if (chi >= 32768) Assert.AreEqual(DriftReport.Saturated, report.ChiSquare[0], $"trial {trial}: chi-square {chi} saturates");
            else Assert.AreEqual(chi, report.ChiSquare[0] / 65536.0, 1e-4 + 1e-6 * chi, $"trial {trial}: chi-square");
            if (categories == 2 && !unseen)
                Assert.AreEqual(DoubleReference.Z(observed[..2], refWithUnseen[..2]), report.Z[0] / 65536.0, 1e-4, $"trial {trial}: z");
            var a = DoubleReference.Shares(observed);
            var e = DoubleReference.Shares(refWithUnseen);
            Assert.AreEqual(DoubleReference.JensenShannon(a, e), report.Js[0] / 65536.0, Bound, $"trial {trial}: js");
            Assert.AreEqual(DoubleReference.Psi(a, e), report.Psi[0] / 65536.0, Bound, $"trial {trial}: psi");
        }
    }

    [TestMethod]
    public void WassersteinOfAShiftedWindowMatchesTheModelledIntegral()
    {
        // Reference: 1000 samples spread evenly over 16 bins of width 100 (tails with mean offset 50).
        // Current: the same shape moved up by exactly one bin. Under the board's model both CDFs are
        // piecewise linear, so W1 is the area between them: one bin width, i.e. 100 / sigma.
        var refCounts = Enumerable.Repeat(1000, 16).ToArray();
        var column = TestProfiles.Binned("x", TestProfiles.EvenEdges(16), refCounts, lowMean: 50, highMean: 50, sigma: 400);
        var monitor = new DriftMonitor(TestProfiles.Of(TestProfiles.Policy(window: 16_000), column));
        var row = new int[1];
        var random = new Random(13);
        // Samples evenly inside each bin, shifted by one bin (the top bin's mass lands 100 above the top edge on average).
        for (int bin = 0; bin < 16; bin++)
        for (int k = 0; k < 1000; k++)
        {
            double inside = (k + 0.5) / 1000.0 * 100;
            row[0] = (int)Math.Round(-100 + bin * 100 + inside) + 100;
            monitor.Observe(row, 0, false);
        }
        var report = monitor.LastWindow;
        Assert.AreEqual(100.0 / 400, report.Wasserstein[0] / 65536.0, 0.002);
        Assert.IsTrue(report.WassersteinBound[0] / 65536.0 < 0.5, "the bound is finite and not absurd for an even spread");
    }

    [TestMethod]
    public void IdenticalDistributionsHaveZeroDistance()
    {
        var refCounts = new[] { 10, 20, 30, 40, 30, 20, 10 };
        var column = TestProfiles.Binned("x", TestProfiles.EvenEdges(7), refCounts, lowMean: 0, highMean: 100);
        var monitor = new DriftMonitor(TestProfiles.Of(TestProfiles.Policy(window: 160), column));
        var row = new int[1];
        for (int bin = 0; bin < 7; bin++)
        {
            row[0] = bin == 0 ? 0 : bin == 6 ? 600 : bin * 100 - 50;
            for (int k = 0; k < refCounts[bin]; k++) monitor.Observe(row, 0, false);
        }
        var r = monitor.LastWindow;
        Assert.AreEqual(0, r.Psi[0]);
        Assert.AreEqual(0, r.Js[0]);
        Assert.AreEqual(0, r.Hellinger[0]);
        Assert.AreEqual(0, r.Tvd[0]);
        Assert.AreEqual(0, r.Ks[0]);
        Assert.IsTrue(r.Wasserstein[0] <= 1, $"wasserstein {r.Wasserstein[0]}");
    }
}

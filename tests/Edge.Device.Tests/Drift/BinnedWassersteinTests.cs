using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// The binned Wasserstein distance against its model computed here in double precision by
/// numerical integration (BinnedWasserstein's summary, firmware/docs/drift-metrics.md): both CDFs
/// exact at the inner edges and linear between them, each end bin an even spread over twice its
/// mean offset beyond the outer edge (the window's own mean from its tail sums when known, the
/// reference's otherwise), W1 = integral |Fa - Fe| dx / sigma; and the stated error bound.
/// </summary>
[TestClass]
public sealed class BinnedWassersteinTests
{
    private const double Tolerance = 1.0 / 8192;

    /// <summary>A CDF through the knots (x ascending; equal x's make a step), 0 before and 1 after.</summary>
    private static double Cdf(IReadOnlyList<(double X, double F)> knots, double x)
    {
        if (x < knots[0].X) return 0;
        for (int k = 0; k + 1 < knots.Count; k++)
        {
            var (x0, f0) = knots[k];
            var (x1, f1) = knots[k + 1];
            if (x >= x0 && x < x1) return f0 + (f1 - f0) * (x - x0) / (x1 - x0);
        }
        return 1;
    }

    private static List<(double, double)> Knots(int[] edges, double[] shares, double lowMean, double highMean)
    {
        var knots = new List<(double, double)> { (edges[0] - 2 * lowMean, 0) };
        double cumulative = 0;
        for (int i = 0; i < edges.Length; i++)
        {
            cumulative += shares[i];
            knots.Add((edges[i], cumulative));
        }
        knots.Add((edges[^1] + 2 * highMean, 1));
        return knots;
    }

    /// <summary>Integral of |Fa - Fe| by the midpoint rule between all knots (exact but for the step holding a sign change).</summary>
    private static double Integral(List<(double X, double F)> a, List<(double X, double F)> e)
    {
        var xs = a.Select(k => k.X).Concat(e.Select(k => k.X)).Distinct().OrderBy(x => x).ToArray();
        double sum = 0;
        for (int k = 0; k + 1 < xs.Length; k++)
        {
            const int Steps = 256;
            double h = (xs[k + 1] - xs[k]) / Steps;
            for (int s = 0; s < Steps; s++)
            {
                double x = xs[k] + (s + 0.5) * h;
                sum += Math.Abs(Cdf(a, x) - Cdf(e, x)) * h;
            }
        }
        return sum;
    }

    [TestMethod]
    public void TheDistanceAndItsBoundMatchTheModel()
    {
        var random = new Random(23);
        var report = new DriftReport(1);
        for (int trial = 0; trial < 250; trial++)
        {
            int bins = random.Next(2, 12);
            // Inner edges ascending, some equal (an empty-width bin), widths up to 5 sigmas.
            int sigma = random.Next(20, 400);
            var edges = new int[bins - 1];
            edges[0] = random.Next(-1000, 1000);
            for (int i = 1; i < edges.Length; i++) edges[i] = edges[i - 1] + (random.Next(0, 6) == 0 ? 0 : random.Next(1, 5 * sigma));
            var refCounts = Enumerable.Range(0, bins).Select(_ => random.Next(0, 4) == 0 ? 0 : random.Next(1, 3000)).ToArray();
            if (refCounts.Sum() == 0) refCounts[0] = 1;
            int refLow = random.Next(0, 3 * sigma), refHigh = random.Next(0, 3 * sigma);
            var column = TestProfiles.Binned("x", edges, refCounts, lowMean: refLow, highMean: refHigh, sigma: sigma);
            TestProfiles.Of(TestProfiles.Policy(), column);

            var counts = Enumerable.Range(0, bins).Select(_ => random.Next(0, 3) == 0 ? 0 : random.Next(1, 2000)).Select(c => (ushort)c).ToArray();
            if (counts.All(c => c == 0)) counts[bins - 1] = 1;
            bool tailsKnown = trial % 4 != 0;
            // Every end-bin sample at the same distance beyond its edge, so the mean is that whole distance.
            int curLow = random.Next(0, 3 * sigma), curHigh = random.Next(0, 3 * sigma);
            var view = new HistogramView
            {
                Counts = counts, At = 0, Slots = bins, Total = counts.Sum(c => c), UnitShift = 0,
                TailsKnown = tailsKnown, TailLow = (long)curLow * counts[0], TailHigh = (long)curHigh * counts[^1],
            };
            BinnedWasserstein.Evaluate(column, view, report, 0);

            double n = view.Total, m = refCounts.Sum();
            var a = counts.Select(c => c / n).ToArray();
            var e = refCounts.Select(c => c / m).ToArray();
            double aLowMean = tailsKnown && counts[0] > 0 ? curLow : refLow;
            double aHighMean = tailsKnown && counts[^1] > 0 ? curHigh : refHigh;
            double expected = Integral(Knots(edges, a, aLowMean, aHighMean), Knots(edges, e, refLow, refHigh)) / sigma;
            string what = $"trial {trial}: {bins} bins, sigma {sigma}, tails {(tailsKnown ? "known" : "unknown")}";
            Assert.AreEqual(expected, report.Wasserstein[0] / 65536.0, Tolerance, $"{what}: W1");

            if (!tailsKnown)
            {
                Assert.AreEqual(DriftReport.Saturated, report.WassersteinBound[0], $"{what}: no bound without tail sums");
                continue;
            }
            double bound = 0;
            for (int i = 1; i < edges.Length; i++) bound += (edges[i] - edges[i - 1]) / (double)sigma * (a[i] + e[i]) / 2;
            bound += 2 * (a[0] * aLowMean + e[0] * refLow + a[^1] * aHighMean + e[^1] * refHigh) / sigma;
            Assert.AreEqual(bound, report.WassersteinBound[0] / 65536.0, Tolerance, $"{what}: bound");
        }
    }
}

using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// Issue 12, "missing values": on the board a NaN became 0 and went into the histogram uncounted.
/// A missing value is now its own code, counted per column and kept out of the histograms.
/// </summary>
[TestClass]
public sealed class MissingValuesTests
{
    [TestMethod]
    public void NaNConvertsToTheMissingCodeWhichNoNumberReaches()
    {
        Assert.AreEqual(FixedPointInput.Missing, FixedPointInput.FromFloat(float.NaN, 10));
        Assert.AreEqual(FixedPointInput.Missing, FixedPointInput.FromDouble(double.NaN, -3));
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromFloat(float.NegativeInfinity, 10), "the most negative number saturates one above it");
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromDouble(-1e300, 0));
    }

    [TestMethod]
    public void MissingValuesAreCountedAndKeptOutOfTheHistogram()
    {
        var profile = TestProfiles.Of(TestProfiles.Policy(window: 100),
            TestProfiles.Binned("a", TestProfiles.EvenEdges(4), [25, 25, 25, 25]),
            TestProfiles.Binned("b", TestProfiles.EvenEdges(4), [25, 25, 25, 25]));
        var random = new Random(5);
        var rows = Enumerable.Range(0, 100).Select(_ => new[] { random.Next(-50, 350), random.Next(-50, 350) }).ToArray();
        for (int r = 0; r < 20; r++) rows[r][0] = FixedPointInput.Missing;

        var withGaps = new DriftMonitor(profile);
        foreach (var row in rows) withGaps.Observe(row, 0, false);
        // The same column's present values alone, in a window of their size.
        var present = new DriftMonitor(profile, 80);
        foreach (var row in rows.Skip(20)) present.Observe(row, 0, false);

        var report = withGaps.LastWindow;
        Assert.AreEqual(1, withGaps.WindowsCompleted);
        CollectionAssert.AreEqual(new[] { 20, 0 }, report.Missing);
        Assert.AreEqual(20, withGaps.MissingValues);
        var expected = present.LastWindow;
        Assert.AreEqual(expected.Psi[0], report.Psi[0], "column a's histogram holds its 80 values, nothing for the gaps");
        Assert.AreEqual(expected.Js[0], report.Js[0]);
        Assert.AreEqual(expected.Ks[0], report.Ks[0]);
        Assert.AreEqual(expected.Wasserstein[0], report.Wasserstein[0]);

        // The counts start again with the next window.
        foreach (var row in rows.Skip(20)) withGaps.Observe(row, 0, false);
        for (int r = 0; r < 20; r++) withGaps.Observe([100, FixedPointInput.Missing], 0, false);
        CollectionAssert.AreEqual(new[] { 0, 20 }, withGaps.LastWindow.Missing);
        Assert.AreEqual(40, withGaps.MissingValues);
    }

    [TestMethod]
    public void AMissingValueIsNotOutOfProfile()
    {
        var profile = TestProfiles.Of(TestProfiles.Policy(), TestProfiles.Binned("a", TestProfiles.EvenEdges(4), [25, 25, 25, 25]));
        Assert.IsFalse(OutOfProfile.Check(profile, [FixedPointInput.Missing], 0));
        Assert.IsTrue(OutOfProfile.Check(profile, [-int.MaxValue], 0));
    }
}

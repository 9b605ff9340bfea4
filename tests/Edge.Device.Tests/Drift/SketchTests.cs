using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>
/// The two histograms behind the metrics, cell by cell: the window sketch (counts and tail sums,
/// the normal-only part as a difference) and the decayed sketch (16 per sample, every DecayBlock
/// samples each cell loses round(cell / 2^DecayShift), halves up).
/// </summary>
[TestClass]
public sealed class SketchTests
{
    private static DriftProfile Profile(int decayBlock = 32, int decayShift = 5)
    {
        var policy = TestProfiles.Policy();
        policy.DecayBlock = decayBlock;
        policy.DecayShift = decayShift;
        return TestProfiles.Of(policy,
            TestProfiles.Binned("a", TestProfiles.EvenEdges(4), new[] { 10, 10, 10, 10 }),
            TestProfiles.Binned("b", TestProfiles.EvenEdges(3), new[] { 10, 10, 10 }));
    }

    [TestMethod]
    public void TheNormalPartIsTheWindowLessItsAnomalies()
    {
        var profile = Profile();
        var (a, b) = (profile.Columns[0], profile.Columns[1]);
        var window = new WindowSketch(profile);
        var anomalous = new WindowSketch(profile);
        // Column a: edges 0, 100, 200 (slot 0 below 0, slot 3 above 200); column b: edges 0, 100.
        foreach (var (value, flagged) in new[] { (-30, false), (-5, true), (250, false), (420, true), (50, false) })
        {
            window.Add(a, 0, SlotIndex.Of(a, value), value);
            window.Add(b, 1, SlotIndex.Of(b, value), value);
            window.Samples++;
            if (!flagged) continue;
            anomalous.Add(a, 0, SlotIndex.Of(a, value), value);
            anomalous.Add(b, 1, SlotIndex.Of(b, value), value);
            anomalous.Samples++;
        }
        Assert.AreEqual(35L, window.TailLow[0], "0 - (-30) + 0 - (-5)");
        Assert.AreEqual(50L + 220, window.TailHigh[0], "250 - 200 + 420 - 200");
        Assert.AreEqual(150L + 320, window.TailHigh[1], "250 - 100 + 420 - 100");

        var normal = new WindowSketch(profile);
        normal.SetDifference(window, anomalous);
        CollectionAssert.AreEqual(new ushort[] { 1, 1, 0, 1, /* b */ 1, 1, 1 }, normal.Counts);
        CollectionAssert.AreEqual(new long[] { 30, 30 }, normal.TailLow);
        CollectionAssert.AreEqual(new long[] { 50, 150 }, normal.TailHigh);
        Assert.AreEqual(3, normal.Samples);

        normal.Clear();
        Assert.IsTrue(normal.Counts.All(c => c == 0) && normal.TailLow.All(t => t == 0) && normal.TailHigh.All(t => t == 0));
        Assert.AreEqual(0, normal.Samples);
    }

    [TestMethod]
    public void TheDecayedSketchDecaysEveryBlockByTheRoundedShare()
    {
        var profile = Profile(decayBlock: 3, decayShift: 2);
        var sketch = new DecayedSketch(profile, new WindowSketch(profile));
        var expected = new double[sketch.Counts.Length];
        for (int sample = 1; sample <= 40; sample++)
        {
            sketch.Add(0, 2);
            expected[profile.Columns[0].Slots * 0 + 2] += 16;
            if (sample % 5 == 0)
            {
                sketch.Add(1, 0);
                expected[4] += 16;
            }
            sketch.EndSample();
            if (sample % 3 == 0) // a decay ends every block of 3 samples
                for (int i = 0; i < expected.Length; i++)
                    expected[i] -= Math.Floor(expected[i] / 4 + 0.5);
            CollectionAssert.AreEqual(expected.Select(e => (ushort)e).ToArray(), sketch.Counts, $"after sample {sample}");
        }
        Assert.AreEqual(sketch.Counts.Skip(4).Take(3).Sum(c => (long)c), sketch.Total(1, 3));
        Assert.AreEqual(sketch.Counts.Take(4).Sum(c => (long)c), sketch.Total(0, 4));
        Assert.AreEqual(2, sketch.Shift);
    }
}

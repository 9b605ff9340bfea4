using Edge.Device.Drift;
using Edge.Native.Tests.Support;
using Edge.TestSupport;
using Edge.TestSupport.Drift;
using Edge.TestSupport.Native;

namespace Edge.Native.Tests;

/// <summary>
/// The drift monitor's per-sample update (bin search and counts for every column, the decayed
/// histogram's decay) natively and managed, on the motor-flux profile and 4000 samples: every
/// count and tail sum equal, on this machine and on each Cortex-M under QEMU, and the monitor's
/// verdicts window by window.
/// </summary>
[TestClass]
public sealed class DriftNativeTests
{
    [ClassInitialize]
    public static void BuildLibrary(TestContext _) => HostNativeLibrary.Activate();

    public static IEnumerable<object[]> Targets => NativeTarget.All.Select(t => new object[] { t.Name });

    [TestMethod]
    public void OnTheHostEverySketchCellIsTheManagedOneAfterEverySample()
    {
        var managed = DriftFixture.Sketches(native: false);
        var native = DriftFixture.Sketches(native: true);
        Assert.AreEqual("native", native.Update.Name);
        var (managedMissing, nativeMissing) = (new int[DriftFixture.Profile.Columns.Length], new int[DriftFixture.Profile.Columns.Length]);
        int rowsWithGaps = 0;
        for (int i = 0; i < DriftFixture.Samples.Count; i++)
        {
            var sample = DriftFixture.Samples[i];
            int expected = managed.Update.Add(sample.Row, 0, sample.Anomalous, managedMissing);
            Assert.AreEqual(expected, native.Update.Add(sample.Row, 0, sample.Anomalous, nativeMissing), $"missing values in sample {i}");
            SketchAssert.AreEqual(managed.Window, managed.Anomalous, managed.Decayed, native.Window, native.Anomalous, native.Decayed, $"after sample {i}");
            if (expected > 0) rowsWithGaps++;
        }
        CollectionAssert.AreEqual(managedMissing, nativeMissing, "missing values per column");
        Assert.IsGreaterThan(100, rowsWithGaps, "premise: rows with missing values were compared");
    }

    [TestMethod]
    public void OnTheHostTheMonitorJudgesEveryWindowAlike()
    {
        var managed = new DriftMonitor(DriftFixture.Profile, 200, native: false);
        var native = new DriftMonitor(DriftFixture.Profile, 200, native: true);
        foreach (var sample in DriftFixture.Samples)
        {
            bool closed = managed.Observe(sample.Row, 0, sample.Anomalous);
            Assert.AreEqual(closed, native.Observe(sample.Row, 0, sample.Anomalous));
            if (!closed) continue;
            Assert.AreEqual(managed.Policy.LastVerdict, native.Policy.LastVerdict, $"window {managed.WindowsCompleted}");
            var (m, n) = (managed.LastWindow, native.LastWindow);
            string window = $"window {managed.WindowsCompleted}";
            CollectionAssert.AreEqual(m.Psi, n.Psi, window);
            CollectionAssert.AreEqual(m.Js, n.Js, window);
            CollectionAssert.AreEqual(m.Ks, n.Ks, window);
            CollectionAssert.AreEqual(m.Wasserstein, n.Wasserstein, window);
            CollectionAssert.AreEqual(m.ChiSquare, n.ChiSquare, window);
            CollectionAssert.AreEqual(m.Drifted, n.Drifted, window);
        }
        Assert.AreEqual(20, managed.WindowsCompleted);
        Assert.IsGreaterThan(0, managed.Policy.AlarmsRaised, "premise: the drifted half raises the alarm");
        Assert.AreEqual(managed.Policy.AlarmsRaised, native.Policy.AlarmsRaised);
    }

    [TestMethod]
    [DynamicData(nameof(Targets))]
    public void OnCortexMEverySketchCellIsTheManagedOne(string targetName)
    {
        var target = NativeTarget.Named(targetName);
        var profile = DriftFixture.Profile;
        var managed = DriftFixture.Sketches(native: false);
        foreach (var sample in DriftFixture.Samples) managed.Update.Add(sample.Row, 0, sample.Anomalous, new int[DriftFixture.Profile.Columns.Length]);
        var layout = (NativeSampleUpdate)DriftFixture.Sketches(native: true).Update;

        string folder = RepoPaths.TempDirectory($"drift-{target}");
        string cases = Path.Combine(folder, "cases.bin"), results = Path.Combine(folder, "results.bin");
        using (var writer = new HarnessCases(cases))
            writer.Drift(layout.Layout, layout.Edges, profile.Policy.DecayShift, profile.Policy.DecayBlock, DriftFixture.Samples);
        Qemu.Run(target, NativeBuild.Harness(target), cases, results);

        var result = (DriftResult)HarnessResults.Read(results).Single();
        Assert.AreEqual(0, result.Status);
        CollectionAssert.AreEqual(managed.Window.Counts, result.Window, "window counts");
        CollectionAssert.AreEqual(managed.Window.TailLow, result.WindowTailLow, "window low tails");
        CollectionAssert.AreEqual(managed.Window.TailHigh, result.WindowTailHigh, "window high tails");
        CollectionAssert.AreEqual(managed.Anomalous.Counts, result.Anomalous, "anomalous counts");
        CollectionAssert.AreEqual(managed.Anomalous.TailLow, result.AnomalousTailLow, "anomalous low tails");
        CollectionAssert.AreEqual(managed.Anomalous.TailHigh, result.AnomalousTailHigh, "anomalous high tails");
        CollectionAssert.AreEqual(managed.Decayed.Counts, result.Decayed, "decayed counts");
        Assert.IsTrue(managed.Window.TailLow.Any(v => v != 0) && managed.Window.TailHigh.Any(v => v != 0), "premise: samples beyond the outer edges");
        Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void AProfileWhoseEdgesDoNotMatchItsSlotsIsRefused()
    {
        var profile = DriftFixture.Profile;
        var column = profile.Columns[0];
        var edges = column.Edges;
        column.Edges = edges[..^1];
        try
        {
            var e = Assert.ThrowsExactly<ArgumentException>(() => DriftFixture.Sketches(native: true));
            StringAssert.Contains(e.Message, column.Name);
        }
        finally
        {
            column.Edges = edges;
        }
    }
}

using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.HostKernels;
using Edge.Drift.Replay;
using Edge.TestSupport;
using Edge.TestSupport.Drift;

namespace Edge.Drift.Tests.HostKernels;

/// <summary>
/// The host's vector per-sample update against the board's managed one (<see cref="SampleUpdate"/>,
/// the reference): the same sequences through both leave every window, anomalous and decayed
/// cell, tail sum and missing count equal after every row, at both vector widths (a width this
/// machine lacks runs in software, still exactly).
/// </summary>
[TestClass]
public sealed class VectorSampleUpdateTests
{
    [TestMethod]
    [DataRow(SlotSearch.Vector256)]
    [DataRow(SlotSearch.Vector128)]
    public void EverySketchCellIsTheManagedOneAfterEveryRow(SlotSearch search)
    {
        var random = new RandomProfiles(seed: 17 + (int)search);
        int rows = 0, missing = 0, lowTails = 0, highTails = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            var profile = random.Profile(columns: 1 + trial % 70);
            var managed = Sketches.Of(profile, null);
            var vector = Sketches.Of(profile, new VectorSampleUpdateFactory(search));
            Assert.AreEqual(SlotSearches.Name(search), vector.Update.Name, "premise: the vector update runs");
            for (int r = 0; r < 300; r++)
            {
                var row = random.Row(profile);
                bool anomalous = random.Coin(0.3);
                int expected = managed.Add(row, anomalous);
                Assert.AreEqual(expected, vector.Add(row, anomalous), $"missing values, trial {trial} row {r}");
                vector.AssertSameAs(managed, $"trial {trial} row {r}");
                rows++;
                missing += expected;
            }
            lowTails += managed.Window.TailLow.Count(t => t != 0);
            highTails += managed.Window.TailHigh.Count(t => t != 0);
        }
        Assert.AreEqual(18_000, rows);
        Assert.IsGreaterThan(1000, missing, "premise: missing values were compared");
        Assert.IsGreaterThan(50, lowTails, "premise: low tails were summed");
        Assert.IsGreaterThan(50, highTails, "premise: high tails were summed");
    }

    [TestMethod]
    public void ARowOffsetIntoALargerArrayReadsTheSameValues()
    {
        var random = new RandomProfiles(seed: 5);
        var profile = random.Profile(columns: 19);
        var managed = Sketches.Of(profile, null);
        var vector = Sketches.Of(profile, new VectorSampleUpdateFactory(SlotSearch.Vector256));
        var block = Enumerable.Range(0, 40).SelectMany(_ => random.Row(profile)).ToArray();
        for (int r = 0; r < 40; r++)
        {
            Assert.AreEqual(managed.Update.Add(block, r * 19, r % 3 == 0, managed.Missing), vector.Update.Add(block, r * 19, r % 3 == 0, vector.Missing));
            vector.AssertSameAs(managed, $"row {r}");
        }
    }

    [TestMethod]
    public void ARowShorterThanTheProfileFailsAsTheManagedUpdateDoes()
    {
        var profile = new RandomProfiles(seed: 9).Profile(columns: 12);
        var managed = Sketches.Of(profile, null);
        var vector = Sketches.Of(profile, new VectorSampleUpdateFactory(SlotSearch.Vector256));
        var row = new int[11];
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => managed.Add(row, false));
        Assert.ThrowsExactly<IndexOutOfRangeException>(() => vector.Add(row, false));
        vector.AssertSameAs(managed, "after the failed row");
    }

    [TestMethod]
    public void AProfileNoFileCanHoldRunsTheManagedUpdate()
    {
        // Edges out of order: the binary search and a count of the edges below disagree, and the
        // board's code defines the result, so the factory hands over the managed update.
        var profile = new RandomProfiles(seed: 3).Profile(columns: 4);
        var column = new ProfileColumn { Name = "bad", Kind = ColumnKind.Numeric, Slots = 4, Edges = [30, 10, 20], RefCounts = [1, 1, 1, 1] };
        var unsorted = new DriftProfile(4, profile.Policy, [.. profile.Columns, column]);
        Assert.AreEqual("managed", Sketches.Of(unsorted, new VectorSampleUpdateFactory(SlotSearch.Vector256)).Update.Name);
        Assert.AreEqual("vector256", Sketches.Of(profile, new VectorSampleUpdateFactory(SlotSearch.Vector256)).Update.Name);
    }

    [TestMethod]
    public void TheMonitorJudgesEveryMotorFluxWindowAsWithTheManagedUpdate()
    {
        var profile = MotorFluxFixture.Profile;
        // The healthy test rows, then the drifted ones: clean windows, then drift confirmed.
        var rows = new[] { "test_164V", "drift_289V" }.SelectMany(set => RowEncoder.Encode(profile, TableReader.Open(RepoPaths.MotorFlux(set + ".features.csv")))).ToArray();
        var managed = new DriftMonitor(profile, 200, native: false);
        var vector = new DriftMonitor(profile, 200, VectorSampleUpdateFactory.Fastest ?? new VectorSampleUpdateFactory(SlotSearch.Vector128));
        Assert.StartsWith("vector", vector.Update.Name);
        foreach (var row in rows)
        {
            bool anomalous = OutOfProfile.Check(profile, row, 0);
            bool closed = managed.Observe(row, 0, anomalous);
            Assert.AreEqual(closed, vector.Observe(row, 0, anomalous));
            if (!closed) continue;
            string window = $"window {managed.WindowsCompleted}";
            Assert.AreEqual(managed.Policy.LastVerdict, vector.Policy.LastVerdict, window);
            CollectionAssert.AreEqual(managed.LastWindow.Psi, vector.LastWindow.Psi, window);
            CollectionAssert.AreEqual(managed.LastWindow.Ks, vector.LastWindow.Ks, window);
            CollectionAssert.AreEqual(managed.LastWindow.Wasserstein, vector.LastWindow.Wasserstein, window);
            CollectionAssert.AreEqual(managed.LastWindow.WassersteinBound, vector.LastWindow.WassersteinBound, window);
            CollectionAssert.AreEqual(managed.LastWindow.Drifted, vector.LastWindow.Drifted, window);
        }
        managed.EvaluateContinuous();
        vector.EvaluateContinuous();
        CollectionAssert.AreEqual(managed.Continuous.Psi, vector.Continuous.Psi, "decayed histogram's report");
        Assert.AreEqual(rows.Length / 200, managed.WindowsCompleted);
        Assert.IsGreaterThan(0, managed.Policy.AlarmsRaised, "premise: the drifted rows raise the alarm");
        Assert.AreEqual(managed.Policy.AlarmsRaised, vector.Policy.AlarmsRaised);
    }

    /// <summary>A monitor's three sketches with one update over them, and a row's missing counts.</summary>
    private sealed class Sketches
    {
        public required SampleUpdate Update { get; init; }
        public required WindowSketch Window { get; init; }
        public required WindowSketch Anomalous { get; init; }
        public required DecayedSketch Decayed { get; init; }
        public required int[] Missing { get; init; }

        public static Sketches Of(DriftProfile profile, SampleUpdateFactory? factory)
        {
            var window = new WindowSketch(profile);
            var anomalous = new WindowSketch(profile);
            var decayed = new DecayedSketch(profile, window);
            return new Sketches
            {
                Update = factory?.Create(profile, window, anomalous, decayed) ?? SampleUpdate.Create(profile, window, anomalous, decayed, native: false),
                Window = window,
                Anomalous = anomalous,
                Decayed = decayed,
                Missing = new int[profile.Columns.Length],
            };
        }

        public int Add(int[] row, bool anomalous) => Update.Add(row, 0, anomalous, Missing);

        public void AssertSameAs(Sketches expected, string when)
        {
            SketchAssert.AreEqual(expected.Window, expected.Anomalous, expected.Decayed, Window, Anomalous, Decayed, when);
            CollectionAssert.AreEqual(expected.Missing, Missing, $"missing per column {when}");
        }
    }
}

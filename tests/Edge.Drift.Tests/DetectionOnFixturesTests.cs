using Edge.Data;
using Edge.Device.Drift;
using Edge.Drift.Replay;

namespace Edge.Drift.Tests;

/// <summary>The detection policy on the motor-flux streams with the default profile (window 200, 3 consecutive windows).</summary>
[TestClass]
public sealed class DetectionOnFixturesTests
{
    private static ReplayResult Replay(Table data, ReplayOptions? options = null) =>
        ReplayRunner.Run(MotorFluxFixture.Profile, "train_164V profile", data, options ?? new ReplayOptions());

    [TestMethod]
    public void SameConditionsRaiseNoDrift()
    {
        var result = Replay(MotorFluxFixture.Read("test_164V"));
        Assert.AreEqual(10, result.Summary.Windows);
        Assert.AreEqual(0, result.Summary.DriftingWindows);
        Assert.AreEqual(0, result.Summary.AlarmsRaised);
        Assert.IsTrue(result.Windows.All(w => w.DriftShare < 0.5));
    }

    [TestMethod]
    public void SupplyAt289VoltsIsConfirmedWithinTheConsecutiveWindows()
    {
        var result = Replay(MotorFluxFixture.Read("drift_289V"));
        Assert.AreEqual(3, result.Summary.FirstConfirmedWindow, "drift from the first window, confirmed at the third");
        Assert.IsTrue(result.Summary.AlarmAtEnd);
        Assert.AreEqual(CaptureState.Name(CaptureState.Frozen), result.Summary.CaptureState);
        Assert.AreEqual(64, result.Captured.Count);
        Assert.IsTrue(result.Captured.All(r => r.Row is > 200 and <= 600), "captured rows come from the drifting windows before confirmation");
    }

    [TestMethod]
    public void NormalThenDriftedStreamAlarmsOnlyAfterTheChange()
    {
        var stream = Concat(MotorFluxFixture.Read("test_164V"), MotorFluxFixture.Read("drift_289V"));
        var result = Replay(stream);
        Assert.AreEqual(13, result.Summary.FirstConfirmedWindow, "10 clean windows, then confirmed at the third drifted one");
        Assert.IsTrue(result.Windows.Take(10).All(w => !w.Drifting));
    }

    [TestMethod]
    public void AnomalyBurstIsNotDrift()
    {
        // Windows 4-6 of the normal stream: every third row replaced by a 289 V row. Those rows are
        // out of profile (anomalous); the remaining two thirds are normal.
        var normal = MotorFluxFixture.Read("test_164V");
        var drifted = MotorFluxFixture.Read("drift_289V");
        var mixed = Mix(normal, drifted, r => r >= 600 && r < 1200 && r % 3 == 0);
        var result = Replay(mixed);
        var burst = result.Windows.Skip(3).Take(3).ToList();
        Assert.IsTrue(burst.All(w => w.Drifting), "premise: with the anomalous rows, these windows drift as a whole");
        Assert.IsTrue(burst.All(w => w.Anomalies >= 60), "premise: a third of the rows are flagged");
        Assert.IsTrue(burst.All(w => w.Verdict == WindowVerdict.Name(WindowVerdict.AnomalyBurst)), string.Join(", ", burst.Select(w => w.Verdict)));
        Assert.AreEqual(0, result.Summary.AlarmsRaised);
    }

    [TestMethod]
    public void ShortFullBurstDoesNotConfirm()
    {
        // Two whole windows of 289 V data: drifting, but fewer than the three windows drift needs.
        var mixed = Mix(MotorFluxFixture.Read("test_164V"), MotorFluxFixture.Read("drift_289V"), r => r >= 600 && r < 1000);
        var result = Replay(mixed);
        Assert.AreEqual(2, result.Windows.Count(w => w.Drifting));
        Assert.AreEqual(0, result.Summary.AlarmsRaised);
    }

    private static Table Concat(Table first, Table second) => new(
        first.Source + "+" + second.Source,
        first.Columns.Select(c => new TableColumn(c.Name, c.Texts.Concat(second.Column(c.Name).Texts).ToArray())).ToList());

    private static Table Mix(Table baseTable, Table other, Func<int, bool> takeOther) => new(
        baseTable.Source + " mixed",
        baseTable.Columns.Select(c => new TableColumn(c.Name,
            c.Texts.Select((t, r) => takeOther(r) ? other.Column(c.Name).Texts[r] : t).ToArray())).ToList());
}

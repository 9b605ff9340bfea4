using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

/// <summary>The policy's window-to-alarm logic, against hand-written verdict sequences.</summary>
[TestClass]
public sealed class DetectionPolicyTests
{
    private static DetectionPolicy Policy(int consecutive) => new(TestProfiles.Policy(consecutive: consecutive));

    private static string Run(DetectionPolicy policy, string windows) =>
        string.Concat(windows.Select(w => policy.Judge(w is 'D' or 'B', w == 'B') switch
        {
            WindowVerdict.Clean => '.',
            WindowVerdict.Drifting => 'd',
            WindowVerdict.Confirmed => 'C',
            WindowVerdict.AnomalyBurst => 'b',
            _ => '?',
        }));

    [TestMethod]
    [DataRow("DDD", "ddC", DisplayName = "three drifting windows confirm")]
    [DataRow("DD.DDD", "dd.ddC", DisplayName = "a clean window restarts the run")]
    [DataRow("DDBDDD", "ddbddC", DisplayName = "an anomaly burst restarts the run")]
    [DataRow("BBBBBB", "bbbbbb", DisplayName = "a long burst that spares normal samples never confirms")]
    public void VerdictsFollowTheConsecutiveWindowRule(string windows, string expected) =>
        Assert.AreEqual(expected, Run(Policy(3), windows));

    [TestMethod]
    public void AlarmClearsAfterAsManyCleanWindows()
    {
        var policy = Policy(2);
        Run(policy, "DD");
        Assert.IsTrue(policy.Alarm);
        Run(policy, ".");
        Assert.IsTrue(policy.Alarm, "one clean window is not enough");
        Run(policy, "D.");
        Assert.IsTrue(policy.Alarm, "a drifting window resets the clean run");
        Run(policy, ".");
        Assert.IsFalse(policy.Alarm);
        Assert.AreEqual(1, policy.AlarmsRaised);
    }

    [TestMethod]
    public void AcknowledgeClearsTheAlarmAndTheRun()
    {
        var policy = Policy(2);
        Run(policy, "DDD");
        policy.Acknowledge();
        Assert.IsFalse(policy.Alarm);
        Assert.AreEqual("dC", Run(policy, "DD"));
        Assert.AreEqual(2, policy.AlarmsRaised);
    }

    /// <summary>A drifting window of <paramref name="samples"/> with <paramref name="anomalies"/> flagged.</summary>
    private static DriftReport Window(int samples, int anomalies, bool drifting = true) =>
        new(1) { Samples = samples, Anomalies = anomalies, Drifting = drifting };

    [TestMethod]
    [DataRow(8, 2, true, DisplayName = "anomaly rate exactly 1/4: checked")]
    [DataRow(8, 1, false, DisplayName = "anomaly rate 1/8, under 1/4: plain drift")]
    [DataRow(8, 4, true, DisplayName = "normal share exactly 1/2: checked")]
    [DataRow(8, 5, false, DisplayName = "normal share 3/8, under 1/2: too few normal samples to judge")]
    [DataRow(0, 0, false, DisplayName = "an empty window")]
    public void TheBurstCheckRunsWhenTheAnomalyRateAndTheNormalShareReachTheirSettings(int samples, int anomalies, bool expected)
    {
        // Burst rate 0.25 and normal share 0.5 (Q16), hand-computed: 2/8 = 16384, 4/8 = 32768.
        var settings = TestProfiles.Policy();
        settings.BurstRateQ16 = 16384;
        settings.MinNormalShareQ16 = 32768;
        var policy = new DetectionPolicy(settings);
        Assert.AreEqual(expected, policy.NeedsBurstCheck(Window(samples, anomalies)));
        Assert.IsFalse(policy.NeedsBurstCheck(Window(samples, anomalies, drifting: false)), "a window that does not drift needs no check");
    }

    [TestMethod]
    public void AWindowWithoutAnomaliesIsNeverABurstEvenAtARateOfZero()
    {
        var settings = TestProfiles.Policy();
        settings.BurstRateQ16 = 0;
        var policy = new DetectionPolicy(settings);
        Assert.IsFalse(policy.NeedsBurstCheck(Window(100, 0)));
        Assert.IsTrue(policy.NeedsBurstCheck(Window(100, 1)));
    }

    [TestMethod]
    public void EveryJudgedWindowIsCountedAndTheRunsAreKept()
    {
        var policy = Policy(2);
        Assert.AreEqual("d", Run(policy, "D"));
        Assert.AreEqual((1, 0, 1), (policy.DriftingRun, policy.CleanRun, policy.WindowsJudged));
        Assert.AreEqual("C.", Run(policy, "D."));
        Assert.AreEqual((0, 1, 3, WindowVerdict.Clean), (policy.DriftingRun, policy.CleanRun, policy.WindowsJudged, policy.LastVerdict));
        Assert.AreEqual("b", Run(policy, "B"));
        Assert.AreEqual((0, 0, false, 4), (policy.CleanRun, policy.DriftingRun, policy.Alarm, policy.WindowsJudged), "a burst is a window without drift: the second such window clears the alarm and its run");
        Assert.AreEqual(WindowVerdict.AnomalyBurst, policy.LastVerdict);
    }
}

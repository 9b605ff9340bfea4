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
}

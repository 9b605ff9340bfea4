using Edge.Power.Simulation;

namespace Edge.Power.Tests.Simulation;

[TestClass]
public sealed class SimulatorFaultsTests
{
    [TestMethod]
    public void Parses_the_command_line_form()
    {
        var faults = SimulatorFaults.Parse("garbage@0.5s*64, drop@1s, overcurrent@200ms, overflow@30ms, no-answer:volt*3, stale-stream, residue");
        Assert.AreEqual(0.5, faults.GarbageAtSeconds);
        Assert.AreEqual(64, faults.GarbageBytes);
        Assert.AreEqual(1.0, faults.DropAtSeconds);
        Assert.AreEqual(0.2, faults.OvercurrentAtSeconds!.Value, 1e-12);
        Assert.AreEqual(0.03, faults.OverflowAtSeconds!.Value, 1e-12);
        Assert.AreEqual("volt", faults.NoAnswerTo);
        Assert.AreEqual(3, faults.NoAnswerTimes);
        Assert.IsTrue(faults.StaleStreamOnConnect && faults.ResidueOnConnect);
        Assert.AreEqual(faults, SimulatorFaults.Parse(faults.ToString()));
    }

    [TestMethod]
    public void Unknown_faults_name_the_offending_item()
    {
        var error = Assert.ThrowsExactly<Edge.Common.SettingException>(() => SimulatorFaults.Parse("drop@1s,explode"));
        StringAssert.Contains(error.Message, "'explode'");
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => SimulatorFaults.Parse("drop@soon"));
        // One duration syntax: "10m" is ten minutes, as everywhere else in edge (this parser once read it as seconds).
        Assert.AreEqual(600.0, SimulatorFaults.Parse("drop@10m").DropAtSeconds);
        Assert.ThrowsExactly<Edge.Common.SettingException>(() => SimulatorFaults.Parse("drop@2"), "a bare number is not a duration");
    }

    [TestMethod]
    public void Profile_edges_and_mean_current_follow_the_cost_model()
    {
        var profile = new PeriodicInferenceProfile(0.001, 0.011, 0.002, 0.010, FirstInferenceSeconds: 0.003);
        var edges = profile.EdgesBetween(0, 0.025).ToList();
        CollectionAssert.AreEqual(new[] { 0.003, 0.005, 0.013, 0.015, 0.023 }, edges.Select(e => Math.Round(e.Seconds, 9)).ToArray());
        // [0.004, 0.006): half active, half idle.
        Assert.AreEqual(0.006, profile.MeanCurrent(0.004, 0.006), 1e-12);
    }
}

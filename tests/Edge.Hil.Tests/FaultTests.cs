using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// A bench that misbehaves: the monitor unplugged in the middle of an acquisition, a board that
/// stops answering, garbage on the monitor's stream and on the board's line. Faults that hit
/// only the first attempt must be recovered by the retry (after a reset), with the first
/// attempt's reason kept; faults on every attempt must fail the cell with a reason naming the
/// phase and the cause, and the run must go on to the next cell.
/// </summary>
[TestClass]
public sealed class FaultTests
{
    private static string Rig(string simulation) => $"""
        rig: faults
        measurement: {"{"} warmup: 1, inferences: 3, accuracy-rows: 40, cell-timeout: 30s, retries: 1 {"}"}
        boards:
          - name: f746
            kind: simulated
            profile: nucleo-f746zg
            monitor: {"{"} kind: simulated {"}"}
            simulation:
        {simulation}
        """;

    private static async Task<RunSummary> RunAsync(string simulation, params string[] models)
    {
        string folder = RepoPaths.TempDirectory("hil-faults");
        var rig = Fixtures.Rig(Rig(simulation), folder);
        var summary = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = rig,
            Models = models.Length == 0 ? [ConvertedModels.Mlp] : models,
            Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
            OutputDirectory = Path.Combine(folder, "out"),
        }, NoProgress.Instance, CancellationToken.None);
        foreach (var row in summary.Results) Console.WriteLine($"{row.Cell}: {row.Status} after {row.Attempts} attempt(s), resends {row.LinkResends}, rejected {row.LinkFramesRejected}: {row.Reason}");
        return summary;
    }

    [TestMethod]
    public async Task AMonitorUnpluggedMidAcquisitionIsRecoveredByTheRetry()
    {
        // Acquisition time 35 ms: after the 20 ms baseline, among the inferences.
        var row = (await RunAsync("      monitor-faults: drop@35ms\n      fault-attempts: 1")).Results.Single();
        Assert.AreEqual(CellStatus.Ok, row.Status, row.Reason);
        Assert.AreEqual(2, row.Attempts);
        StringAssert.Contains(row.Reason, "attempt 1 (measure)");
        StringAssert.Contains(row.Reason, "Lost the connection to the monitor");
        Assert.AreEqual(3, row.Inferences);
    }

    [TestMethod]
    public async Task AMonitorThatKeepsDroppingFailsTheCellWithItsReason()
    {
        var summary = await RunAsync("      monitor-faults: drop@35ms\n      fault-attempts: 0", ConvertedModels.Both);
        Assert.AreEqual(2, summary.Results.Count, "the run went on to the second model");
        foreach (var row in summary.Results)
        {
            Assert.AreEqual(CellStatus.Failed, row.Status);
            Assert.AreEqual("measure", row.FailedPhase);
            Assert.AreEqual(2, row.Attempts);
            StringAssert.Contains(row.Reason, "attempt 2 (measure): Lost the connection to the monitor at tcp://127.0.0.1:");
            StringAssert.Contains(row.Reason, "during the acquisition");
            Assert.IsNull(row.EnergyUj);
        }
    }

    [TestMethod]
    public async Task ABoardThatStopsAnsweringIsResetAndMeasuredOnTheRetry()
    {
        var row = (await RunAsync("      board-fault: silent@measure\n      fault-attempts: 1")).Results.Single();
        Assert.AreEqual(CellStatus.Ok, row.Status, row.Reason);
        Assert.AreEqual(2, row.Attempts);
        StringAssert.Contains(row.Reason, "attempt 1 (measure)");
        StringAssert.Contains(row.Reason, "did not answer");
    }

    [TestMethod]
    public async Task ABoardThatDoesNotComeBackFromThePowerCycleIsRetried()
    {
        var row = (await RunAsync("      board-fault: silent@power-cycle\n      fault-attempts: 1")).Results.Single();
        Assert.AreEqual(CellStatus.Ok, row.Status, row.Reason);
        StringAssert.Contains(row.Reason, "attempt 1 (power-cycle): board at tcp://127.0.0.1:");
        Assert.IsFalse(row.Reason!.Contains("unexpected"), row.Reason);
    }

    [TestMethod]
    public async Task ABoardThatNeverAnswersFailsTheCellClearly()
    {
        var row = (await RunAsync("      board-fault: silent@upload\n      fault-attempts: 0")).Results.Single();
        Assert.AreEqual(CellStatus.Failed, row.Status);
        Assert.AreEqual("upload", row.FailedPhase);
        StringAssert.Contains(row.Reason, "attempt 2 (upload): board at tcp://127.0.0.1:");
        StringAssert.Contains(row.Reason, "did not answer");
    }

    [TestMethod]
    public async Task GarbageInThePowerStreamIsNotMeasuredButRetried()
    {
        var row = (await RunAsync("      monitor-faults: garbage@35ms*64\n      fault-attempts: 1")).Results.Single();
        Assert.AreEqual(CellStatus.Ok, row.Status, row.Reason);
        Assert.AreEqual(2, row.Attempts);
        StringAssert.Contains(row.Reason, "the power stream was damaged");
        Assert.AreEqual(0, row.CorruptBytes, "the recorded trace is the clean one");
    }

    [TestMethod]
    public async Task GarbageOnTheBoardLineIsAbsorbedByTheLinkProtocol()
    {
        var row = (await RunAsync("      board-fault: garbage@accuracy\n      fault-attempts: 0")).Results.Single();
        Assert.AreEqual(CellStatus.Ok, row.Status, row.Reason);
        Assert.AreEqual(1, row.Attempts);
        Assert.IsTrue(row.LinkResends > 0 || row.LinkFramesRejected > 0, "the damaged frame was noticed and the request resent");
        Assert.AreEqual(40, row.AccuracyRows);
    }
}

using Edge.Fleet.Runs;
using Edge.Fleet.Tests.Support;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Store.Spool;
using Edge.TestSupport.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Fleet.Tests.Runs;

/// <summary>
/// `edge hil run --store` on Ceph's S3 gateway: a gateway killed (by pid) mid-run loses nothing, every cell
/// is stored exactly once, and cells are reused across `hil run` and fleet workers by one cell-input hash.
/// </summary>
[TestClass]
public sealed class StoredHilRunTests
{
    private static readonly SpoolRetry Quick = new() { Poll = TimeSpan.FromMilliseconds(200), First = TimeSpan.FromMilliseconds(200), Longest = TimeSpan.FromSeconds(1) };

    [TestMethod]
    public async Task A_store_that_goes_down_mid_run_loses_nothing_and_a_second_run_measures_nothing_again()
    {
        using var fleet = new SimulatedFleet();
        using var store = fleet.OpenStore();
        string output = Path.Combine(fleet.Folder, "outage");
        var spool = Path.Combine(output, StoredHilRun.SpoolFolderName);
        int finished = 0, waitingWhileDown = -1;
        var progress = new FinishedHook(n =>
        {
            // After the first cell the gateway is killed; the rest are measured while it is down.
            if (n == 1) SharedServers.Gateway.StopGateway();
            if (n == 4)
            {
                waitingWhileDown = new StoreSpool(spool).Pending().Count;
                SharedServers.Gateway.StartGateway();
            }
        }, () => Interlocked.Increment(ref finished));
        StoredRunSummary summary;
        try
        {
            summary = await StoredHilRun.RunAsync(Options(fleet.RigA, output, "1.0", "2.0", "3.0", "4.0"), "outage", store, progress, TimeSpan.FromMinutes(2), NullLogger.Instance, Quick);
        }
        finally
        {
            SharedServers.Gateway.StartGateway();
        }

        Assert.AreEqual(4, summary.Run.Ran);
        Assert.IsGreaterThanOrEqualTo(3, waitingWhileDown, "the cells finished while the store was down waited in the spool");
        Assert.AreEqual(0, summary.Pending);
        Assert.IsEmpty(new StoreSpool(spool).Pending());
        var cellRecords = await store.ListAsync("runs/outage/cells/");
        Assert.HasCount(4, cellRecords, "one record per cell: nothing lost, nothing stored twice");
        Assert.HasCount(4, await store.ListAsync("measured/"));
        var local = summary.Run.Results.ToDictionary(r => r.Cell);
        string pulled = Path.Combine(fleet.Folder, "pulled");
        await RunArchive.PullAsync(store, "outage", pulled);
        var stored = RunDirectory.Existing(pulled).ReadResults(RunDirectory.Existing(pulled).ReadManifest()!);
        Assert.HasCount(4, stored);
        foreach (var result in stored)
        {
            Assert.AreEqual(CellStatus.Ok, result.Status, result.Cell);
            Assert.AreEqual(local[result.Cell].EnergyUj, result.EnergyUj, result.Cell);
            Assert.AreEqual(local[result.Cell].InputsSha256, result.InputsSha256, result.Cell);
        }

        // The same inputs into another folder: every cell is taken from the store, none measured.
        var again = await StoredHilRun.RunAsync(Options(fleet.RigA, Path.Combine(fleet.Folder, "again"), "1.0", "2.0", "3.0", "4.0"), "again", store, new FinishedHook(_ => { }, () => 0),
            TimeSpan.FromMinutes(1), NullLogger.Instance, Quick);
        Assert.AreEqual(0, again.Run.Ran);
        Assert.AreEqual(4, again.Reused);
        foreach (var result in again.Run.Results) Assert.AreEqual(local[result.Cell].EnergyUj, result.EnergyUj, result.Cell);
        Assert.IsTrue((await RunArchive.CellsAsync(store, "again")).All(c => c.ReusedFrom == "outage"));
    }

    private static HilRunOptions Options(string rigFile, string output, params string[] firmware) => new()
    {
        Rig = RigLoader.Load(rigFile),
        Models = [RepoPaths.MotorFlux("flux_mlp.onnx")],
        Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
        Firmware = firmware,
        OutputDirectory = output,
        MaxParallelPositions = 1,
    };

    /// <summary>Calls <c>hook</c> with the count of finished cells, after the run has spooled each.</summary>
    private sealed class FinishedHook(Action<int> hook, Func<int> count) : IRunProgress
    {
        public void Started(RunOverview overview)
        {
        }

        public void Preparing(string model)
        {
        }

        public void CellStarted(MatrixCell cell)
        {
        }

        public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
        {
        }

        public void Retrying(MatrixCell cell, int failedAttempt, string reason)
        {
        }

        public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
        {
            if (!resumed) hook(count());
        }
    }
}

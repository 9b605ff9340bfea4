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

    /// <summary>A bucket policy on the gateway refuses every write: `edge hil run --store` keeps the uploads aside, says so, and they are sent once moved back.</summary>
    [TestMethod]
    public async Task Uploads_the_store_refuses_for_good_are_kept_in_rejected_and_the_command_says_so_with_exit_code_3()
    {
        using var fleet = new SimulatedFleet();
        string bucket = new Uri(fleet.StoreUrl).Host;
        using var client = SharedServers.RawClient();
        await client.PutBucketPolicyAsync(new Amazon.S3.Model.PutBucketPolicyRequest
        {
            BucketName = bucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""",
        });
        string output = Path.Combine(fleet.Folder, "refused");
        var run = SimulatedFleet.RunEdge(["hil", "run", "--rig", fleet.RigA, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", "1.0", "--out", output, "--plain", "--store", fleet.StoreUrl, "--store-wait", "1m"]);
        await client.DeleteBucketPolicyAsync(new Amazon.S3.Model.DeleteBucketPolicyRequest { BucketName = bucket });

        Assert.AreEqual(3, run.Code, run.Output + run.Error);
        StringAssert.Contains(run.Error, "refused 2 upload(s) for good");
        StringAssert.Contains(run.Error, "access denied");
        var spool = new StoreSpool(Path.Combine(output, StoredHilRun.SpoolFolderName));
        Assert.HasCount(2, spool.Rejected(), "the cell and the run's record");
        Assert.IsEmpty(spool.Pending());
        using var store = fleet.OpenStore();
        Assert.IsEmpty(await store.ListAsync("runs/"));

        foreach (string id in spool.Rejected()) Directory.Move(Path.Combine(spool.Folder, StoreSpool.RejectedFolder, id), Path.Combine(spool.Folder, id));
        var push = SimulatedFleet.RunEdge(["store", "push", output, "--run", "refused", "--store", fleet.StoreUrl]);
        Assert.AreEqual(0, push.Code, push.Error);
        Assert.IsEmpty(spool.Pending());
        Assert.HasCount(1, await store.ListAsync("runs/refused/cells/"), "one record of the cell: the one sent from the spool and the push's are the same bytes");
        Assert.AreEqual(CellStatus.Ok, (await RunArchive.CellsAsync(store, "refused")).Single().Status);
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

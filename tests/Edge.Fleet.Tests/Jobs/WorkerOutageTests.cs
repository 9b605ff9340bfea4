using Amazon.S3.Model;
using Edge.Fleet.Jobs;
using Edge.Fleet.Runs;
using Edge.Fleet.Tests.Support;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Store.Spool;
using Edge.TestSupport;

namespace Edge.Fleet.Tests.Jobs;

/// <summary>
/// Issue 14's last gap: a store outage while a worker measures a cell. Real peers only: Ceph's S3 gateway (killed
/// and started again by pid), PostgreSQL (Hangfire's storage, read with Hangfire's own monitoring API), and
/// `edge hil worker` processes, paused inside a cell by the `EDGE_WORKER_PAUSE_DIR` hook. Every absence is read
/// from state (the store's listing, the spool's folders, the job's state history), never waited for.
/// </summary>
[TestClass]
public sealed class WorkerOutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [TestMethod]
    public async Task A_cell_measured_while_the_store_is_down_succeeds_on_its_first_attempt_waits_in_the_spool_and_is_stored_once_when_the_store_is_back()
    {
        using var fleet = new SimulatedFleet();
        var worker = fleet.StartWorker(fleet.RigA, "w", pause: true);
        var submit = fleet.SubmitTo("outage", fleet.RigA, "1.0");
        Assert.AreEqual(0, submit.Code, submit.Error);
        await Until(() => Directory.EnumerateFiles(fleet.PauseFolder, "w.*.started").Any(), "the worker took the cell");
        var spool = fleet.SpoolOf("w");
        string cell;
        SharedServers.Gateway.StopGateway();
        try
        {
            File.WriteAllText(Path.Combine(fleet.PauseFolder, "w.go"), "");
            await Until(() => fleet.Jobs("outage") is [{ State: "Succeeded" }], "the cell's job succeeded while the store was down");
            var job = fleet.Jobs("outage").Single();
            cell = job.Job.Cell;
            CollectionAssert.DoesNotContain(job.History.ToList(), "Failed", "no attempt failed: " + string.Join(" > ", job.History));
            Assert.AreEqual(1, job.History.Count(s => s == "Processing"), "one attempt: " + string.Join(" > ", job.History));
            Assert.HasCount(1, spool.Pending(), "the measured cell waits in the worker's spool");
            StringAssert.Contains(File.ReadAllText(Path.Combine(spool.Folder, spool.Pending()[0], StoreSpool.EntryFile)), $"run outage cell {cell}");
            // The uploader is running and met the outage (its warning), and the entry stayed.
            await Until(() => worker.Tail(200).Contains("upload(s) wait in", StringComparison.Ordinal), "the worker's uploader tried the store that is down");
            Assert.HasCount(1, spool.Pending());
        }
        finally
        {
            SharedServers.Gateway.StartGateway();
        }

        await Until(() => spool.Pending().Count == 0, "the worker's uploader emptied its spool once the store was back");
        Assert.IsEmpty(spool.Rejected());
        using var store = fleet.OpenStore();
        var records = await store.ListAsync("runs/outage/cells/");
        Assert.HasCount(1, records, "exactly one record of the cell: " + string.Join(", ", records.Select(r => r.Name)));
        Assert.HasCount(1, await store.ListAsync("measured/"));
        var stored = (await RunArchive.CellsAsync(store, "outage")).Single();
        Assert.AreEqual(cell, stored.Cell);
        Assert.AreEqual("w", stored.Worker);
        Assert.AreEqual(CellStatus.Ok, stored.Status);
        Assert.HasCount(2, stored.Files, "the result file and its trace");
        foreach (var file in stored.Files) Assert.IsTrue(await store.HasBlobAsync(file.Sha256), file.Path);

        // What a pull brings back is, byte for byte, what the worker measured and kept in its run folder.
        string pulled = Path.Combine(fleet.Folder, "pulled");
        await RunArchive.PullAsync(store, "outage", pulled);
        string local = Path.Combine(fleet.WorkFolder("w"), "runs", "outage");
        foreach (var file in stored.Files)
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(local, file.Path)), File.ReadAllBytes(Path.Combine(pulled, file.Path)), file.Path);

        var status = SimulatedFleet.RunEdge(["hil", "status", "outage", "--store", fleet.StoreUrl, "--db", SharedServers.Database.ConnectionString]);
        Assert.AreEqual(0, status.Code, status.Error);
        StringAssert.Contains(status.Output, "1/1 cells finished (0 failed)");
        Assert.DoesNotContain("waiting in a worker's spool", status.Output);

        // The same matrix again, on a worker with an empty work folder: the cell is taken from the store.
        worker.Kill();
        fleet.StartWorker(fleet.RigA, "fresh");
        Assert.AreEqual(0, fleet.SubmitTo("again", fleet.RigA, "1.0").Code);
        var again = (await fleet.FinishedAsync("again", 1)).Single();
        Assert.AreEqual("outage", again.ReusedFrom);
        Assert.AreEqual("fresh", again.Worker);
        CollectionAssert.AreEqual(stored.Files.Select(f => f.Sha256).ToList(), again.Files.Select(f => f.Sha256).ToList());
        Assert.HasCount(1, await store.ListAsync("measured/"), "nothing measured again");
    }

    [TestMethod]
    public async Task A_worker_that_dies_with_cells_in_its_spool_shows_them_as_spooled_and_sends_them_when_it_starts_again()
    {
        using var fleet = new SimulatedFleet();
        var worker = fleet.StartWorker(fleet.RigA, "w", pause: true);
        Assert.AreEqual(0, fleet.SubmitTo("held", fleet.RigA, "1.0", "2.0").Code);
        await Until(() => Directory.EnumerateFiles(fleet.PauseFolder, "w.*.started").Any(), "the worker took a cell");
        var spool = fleet.SpoolOf("w");
        SharedServers.Gateway.StopGateway();
        try
        {
            File.WriteAllText(Path.Combine(fleet.PauseFolder, "w.go"), "");
            // The second cell's inputs are in the worker's cache: it is measured during the outage too.
            await Until(() => fleet.Jobs("held") is [{ State: "Succeeded" }, { State: "Succeeded" }], "both jobs succeeded while the store was down");
            Assert.HasCount(2, spool.Pending());
            worker.Kill();
        }
        finally
        {
            SharedServers.Gateway.StartGateway();
        }

        // The worker is dead, so nothing can have sent its spool: the store has no result, the spool has both.
        using var store = fleet.OpenStore();
        Assert.IsEmpty(await store.ListAsync("runs/held/cells/"));
        Assert.HasCount(2, spool.Pending());
        Assert.IsTrue(fleet.Jobs("held").All(j => j.State == "Succeeded" && !j.History.Contains("Failed")), "the engine has nothing to run again");
        var status = SimulatedFleet.RunEdge(["hil", "status", "held", "--store", fleet.StoreUrl, "--db", SharedServers.Database.ConnectionString]);
        Assert.AreEqual(0, status.Code, status.Error);
        StringAssert.Contains(status.Output, "0/2 cells finished (0 failed)");
        StringAssert.Contains(status.Output, "2 cell(s) measured and waiting in a worker's spool for the store");
        var row = status.Output.Split('\n').Single(l => l.StartsWith(fleet.HostA, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // host, cells, complete, failed, spooled, waiting, ...
        CollectionAssert.AreEqual(new[] { "2", "0", "0", "2", "0" }, row[1..6], string.Join(" ", row));

        // Started again under its name, the worker finds its spool and sends it before anything else.
        fleet.StartWorker(fleet.RigA, "w");
        await Until(() => spool.Pending().Count == 0, "the restarted worker emptied its spool");
        var cells = await RunArchive.CellsAsync(store, "held");
        Assert.HasCount(2, cells);
        Assert.HasCount(2, await store.ListAsync("runs/held/cells/"), "one record per cell");
        Assert.IsTrue(cells.All(c => c.Status == CellStatus.Ok && c.Worker == "w"));
        status = SimulatedFleet.RunEdge(["hil", "status", "held", "--store", fleet.StoreUrl, "--db", SharedServers.Database.ConnectionString]);
        StringAssert.Contains(status.Output, "2/2 cells finished (0 failed)");
        Assert.DoesNotContain("waiting in a worker's spool", status.Output);
    }

    [TestMethod]
    public async Task A_cell_the_store_refuses_for_good_is_set_aside_in_rejected_with_the_reason_and_sent_once_moved_back()
    {
        using var fleet = new SimulatedFleet();
        var worker = fleet.StartWorker(fleet.RigA, "w", pause: true);
        Assert.AreEqual(0, fleet.SubmitTo("refused", fleet.RigA, "1.0").Code);
        await Until(() => Directory.EnumerateFiles(fleet.PauseFolder, "w.*.started").Any(), "the worker took the cell");
        string bucket = new Uri(fleet.StoreUrl).Host;
        using var client = SharedServers.RawClient();
        // The gateway itself refuses every write to the bucket from now on (403 AccessDenied).
        await client.PutBucketPolicyAsync(new PutBucketPolicyRequest
        {
            BucketName = bucket,
            Policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::{{bucket}}/*"}]}""",
        });
        var spool = fleet.SpoolOf("w");
        try
        {
            File.WriteAllText(Path.Combine(fleet.PauseFolder, "w.go"), "");
            await Until(() => spool.Rejected().Count == 1, "the refused entry was set aside");
            Assert.IsEmpty(spool.Pending());
            var job = fleet.Jobs("refused").Single();
            Assert.AreEqual("Succeeded", job.State, "the cell was measured and kept: the job is done");
            string id = spool.Rejected()[0];
            string reason = File.ReadAllText(Path.Combine(spool.Folder, StoreSpool.RejectedFolder, id, "reason.txt"));
            StringAssert.Contains(reason, "access denied");
            // One log line names the entry, what it is, and the store's error.
            string line = worker.Tail(400).Split('\n').Single(l => l.Contains("refused a spooled upload for good", StringComparison.Ordinal));
            StringAssert.Contains(line, id);
            StringAssert.Contains(line, $"run refused cell {job.Job.Cell}");
            StringAssert.Contains(line, "access denied");
            using var store = fleet.OpenStore();
            Assert.IsEmpty(await store.ListAsync("runs/refused/cells/"));
        }
        finally
        {
            await client.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest { BucketName = bucket });
        }

        // The operator fixed the cause and moves the entry back (host/Edge.Fleet/README.md): the running worker sends it.
        string rejectedEntry = Path.Combine(spool.Folder, StoreSpool.RejectedFolder, spool.Rejected()[0]);
        Directory.Move(rejectedEntry, Path.Combine(spool.Folder, Path.GetFileName(rejectedEntry)));
        await Until(() => spool.Pending().Count == 0, "the entry moved back was sent");
        using (var store = fleet.OpenStore())
        {
            Assert.HasCount(1, await store.ListAsync("runs/refused/cells/"));
            Assert.AreEqual(CellStatus.Ok, (await RunArchive.CellsAsync(store, "refused")).Single().Status);
        }
        Assert.IsEmpty(spool.Rejected());
    }

    [TestMethod]
    public async Task A_worker_stopped_with_sigterm_while_the_store_is_down_keeps_sending_its_spool_until_the_store_is_back_then_exits()
    {
        using var fleet = new SimulatedFleet();
        var worker = fleet.StartWorker(fleet.RigA, "w", pause: true, storeWait: "5m");
        Assert.AreEqual(0, fleet.SubmitTo("stopping", fleet.RigA, "1.0").Code);
        await Until(() => Directory.EnumerateFiles(fleet.PauseFolder, "w.*.started").Any(), "the worker took the cell");
        var spool = fleet.SpoolOf("w");
        SharedServers.Gateway.StopGateway();
        try
        {
            File.WriteAllText(Path.Combine(fleet.PauseFolder, "w.go"), "");
            await Until(() => fleet.Jobs("stopping") is [{ State: "Succeeded" }], "the cell's job succeeded while the store was down");
            worker.Terminate();
            await Until(() => worker.Tail(200).Contains("takes no more cells; sending 1 spooled upload(s)", StringComparison.Ordinal), "the worker stopped serving and drains");
            // Still draining: the store is down, so the entry cannot have left and the worker cannot have ended.
            Assert.HasCount(1, spool.Pending());
            Assert.IsFalse(worker.HasExited, worker.Tail(30));
        }
        finally
        {
            SharedServers.Gateway.StartGateway();
        }
        await Until(() => worker.HasExited, "the worker ended once its spool was sent");
        Assert.IsEmpty(spool.Pending());
        using var store = fleet.OpenStore();
        Assert.HasCount(1, await store.ListAsync("runs/stopping/cells/"));
        Assert.DoesNotContain("they are sent when this worker starts again", worker.Tail(200));
    }

    /// <summary>Waits for a state the workers reach on their own (polling PostgreSQL and folders calmly).</summary>
    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"still not true after {Patience}: {what}");
            await Task.Delay(250);
        }
    }
}

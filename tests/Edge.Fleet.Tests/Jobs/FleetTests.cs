using Edge.Fleet.Jobs;
using Edge.Fleet.Runs;
using Edge.Fleet.Tests.Support;
using Edge.Hil.Results;
using Edge.Store;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Jobs;

/// <summary>
/// The bench as a fleet on real servers: PostgreSQL (Hangfire's storage) and Ceph's S3 gateway, two
/// `edge hil worker` processes for two bench hosts, and a submitter.
/// </summary>
[TestClass]
public sealed class FleetTests
{
    [TestMethod]
    public async Task Every_cell_runs_on_the_host_with_its_board_a_flaky_cell_is_retried_and_a_resubmitted_run_measures_nothing_again()
    {
        using var fleet = new SimulatedFleet();
        fleet.StartWorker(fleet.RigA, "worker-a");
        fleet.StartWorker(fleet.RigB, "worker-b");

        var submit = fleet.Submit("r1", "1.0", "2.0");
        Assert.AreEqual(0, submit.Code, submit.Error);
        StringAssert.Contains(submit.Output, "4 cell(s) queued");
        var cells = await fleet.FinishedAsync("r1", 4);

        foreach (var cell in cells)
        {
            string expectedHost = cell.Cell.Contains("@f746-", StringComparison.Ordinal) ? fleet.HostA : fleet.HostB;
            Assert.AreEqual(expectedHost, cell.Host, cell.Cell);
            Assert.AreEqual(expectedHost == fleet.HostA ? "worker-a" : "worker-b", cell.Worker, cell.Cell);
            Assert.AreEqual("ok", cell.Status, cell.Cell);
        }
        string pulled = Path.Combine(RepoPaths.TempDirectory("fleet-pull"), "r1");
        using (var store = fleet.OpenStore()) await RunArchive.PullAsync(store, "r1", pulled);
        var results = RunDirectory.Existing(pulled).ReadResults(RunDirectory.Existing(pulled).ReadManifest()!);
        Assert.AreEqual(4, results.Count);
        foreach (var flaky in results.Where(r => r.Board.StartsWith("f401-", StringComparison.Ordinal)))
        {
            Assert.AreEqual(2, flaky.Attempts, flaky.Cell);
            StringAssert.Contains(flaky.Reason, "recovered after: attempt 1");
        }
        Assert.IsTrue(results.Where(r => r.Board.StartsWith("f746-", StringComparison.Ordinal)).All(r => r.Attempts == 1));

        // The same inputs under another run's name: every cell is taken from r1, none measured again.
        Assert.AreEqual(0, fleet.Submit("r2", "1.0", "2.0").Code);
        var again = await fleet.FinishedAsync("r2", 4);
        Assert.IsTrue(again.All(c => c.ReusedFrom == "r1"), string.Join(", ", again.Select(c => c.ReusedFrom)));
        CollectionAssert.AreEquivalent(cells.SelectMany(c => c.Files.Select(f => f.Sha256)).ToList(), again.SelectMany(c => c.Files.Select(f => f.Sha256)).ToList());

        var status = SimulatedFleet.RunEdge(["hil", "status", "r1", "--store", fleet.StoreUrl, "--db", SharedServers.Database.ConnectionString]);
        Assert.AreEqual(0, status.Code, status.Error);
        StringAssert.Contains(status.Output, "4/4 cells finished (0 failed)");
    }

    /// <summary>
    /// One cell-input hash for both: a cell `edge hil run --store` measured is reused by a worker, and one a worker
    /// measured is reused by `edge hil run --store`. The worker also serves Hangfire's dashboard where the docs say.
    /// </summary>
    [TestMethod]
    public async Task Hil_run_and_workers_reuse_each_others_cells_and_the_dashboard_is_served()
    {
        using var fleet = new SimulatedFleet();
        string dashboard = $"127.0.0.1:{ServerProcess.FreePort()}";
        fleet.StartWorker(fleet.RigA, "worker-a", dashboard: dashboard);

        var local = SimulatedFleet.RunEdge(["hil", "run", "--rig", fleet.RigA, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", "1.0", "--out", Path.Combine(fleet.Folder, "local"), "--plain", "--store", fleet.StoreUrl]);
        Assert.AreEqual(0, local.Code, local.Error);
        StringAssert.Contains(local.Output, "stored in " + fleet.StoreUrl + " as run local");

        var submit = SimulatedFleet.RunEdge(["hil", "submit", "--rig", fleet.RigA, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", "1.0", "2.0", "--run", "mixed", "--store", fleet.StoreUrl, "--db", SharedServers.Database.ConnectionString]);
        Assert.AreEqual(0, submit.Code, submit.Error);
        var mixed = await fleet.FinishedAsync("mixed", 2);
        Assert.AreEqual("local", mixed.Single(c => c.Cell.EndsWith("1.0", StringComparison.Ordinal)).ReusedFrom, "the worker took the cell `hil run` measured");
        var measured = mixed.Single(c => c.Cell.EndsWith("2.0", StringComparison.Ordinal));
        Assert.IsNull(measured.ReusedFrom);
        Assert.AreEqual("worker-a", measured.Worker);

        var after = SimulatedFleet.RunEdge(["hil", "run", "--rig", fleet.RigA, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", "1.0", "2.0", "--out", Path.Combine(fleet.Folder, "after"), "--plain", "--store", fleet.StoreUrl]);
        Assert.AreEqual(0, after.Code, after.Error);
        StringAssert.Contains(after.Output, "2 cell(s) taken from earlier runs");
        using (var store = fleet.OpenStore())
            CollectionAssert.AreEquivalent(new[] { "local", "mixed" }, (await RunArchive.CellsAsync(store, "after")).Select(c => c.ReusedFrom).ToArray());

        // `edge hil worker --dashboard ADDRESS` serves Hangfire's dashboard at /hangfire (host/Edge.Fleet/README.md).
        using var http = new HttpClient();
        var page = await http.GetAsync($"http://{dashboard}/hangfire");
        Assert.AreEqual(System.Net.HttpStatusCode.OK, page.StatusCode);
        string html = await page.Content.ReadAsStringAsync();
        StringAssert.Contains(html, "Hangfire Dashboard");
        var servers = await http.GetStringAsync($"http://{dashboard}/hangfire/servers");
        StringAssert.Contains(servers, "worker-a", "the dashboard lists the worker's server");
    }

    [TestMethod]
    public async Task A_worker_killed_mid_cell_loses_nothing_the_next_worker_of_its_queue_runs_the_cell_once()
    {
        using var fleet = new SimulatedFleet();
        var doomed = fleet.StartWorker(fleet.RigA, "doomed", pause: true);
        fleet.StartWorker(fleet.RigB, "worker-b");
        Assert.AreEqual(0, fleet.Submit("crash", "1.0").Code);
        await Eventually.TrueAsync(() => Directory.EnumerateFiles(fleet.PauseFolder, "doomed.*.started").Any(), "the doomed worker took its cell", TimeSpan.FromMinutes(1));

        doomed.Kill();
        File.WriteAllText(Path.Combine(fleet.PauseFolder, "successor.go"), "");
        fleet.StartWorker(fleet.RigA, "successor", pause: true);
        var cells = await fleet.FinishedAsync("crash", 2);

        var a = cells.Single(c => c.Host == fleet.HostA);
        Assert.AreEqual("successor", a.Worker);
        Assert.AreEqual("ok", a.Status);
        using var store = fleet.OpenStore();
        Assert.AreEqual(1, (await store.ListAsync($"runs/crash/cells/{a.Cell}/")).Count, "one result for the cell: the killed worker left none behind, the successor measured once");
        Assert.AreEqual(1, Directory.EnumerateFiles(fleet.PauseFolder, "successor.*.started").Count(), "the successor was handed the cell once");
    }
}

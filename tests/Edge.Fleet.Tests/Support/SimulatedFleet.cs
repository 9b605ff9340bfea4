using Edge.Cli;
using Edge.Fleet.Jobs;
using Edge.Fleet.Runs;
using Edge.Store;
using Edge.Store.Spool;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Support;

/// <summary>
/// A simulated fleet for a test: bench-host rigs with unique names (so queues never mix between tests),
/// `edge hil worker` processes started from the built edge.dll (stopped, or killed, by pid), and a submitter.
/// </summary>
public sealed class SimulatedFleet : IDisposable
{
    private readonly List<ServerProcess> _workers = [];

    public SimulatedFleet()
    {
        Folder = RepoPaths.TempDirectory("fleet");
        string id = Guid.NewGuid().ToString("N")[..6];
        HostA = "bench-a-" + id;
        HostB = "bench-b-" + id;
        RigA = WriteRig(HostA, "f746-" + id, "nucleo-f746zg", flaky: false);
        RigB = WriteRig(HostB, "f401-" + id, "nucleo-f401re", flaky: true);
        PauseFolder = Directory.CreateDirectory(Path.Combine(Folder, "pause")).FullName;
        StoreUrl = $"s3://{SharedServers.NewBucket()}/fleet";
    }

    public string Folder { get; }

    public string HostA { get; }

    public string HostB { get; }

    public string RigA { get; }

    public string RigB { get; }

    public string PauseFolder { get; }

    public string StoreUrl { get; }

    public ArtifactStore OpenStore() => ArtifactStore.Open(StoreLocation.Parse(StoreUrl), SharedServers.S3);

    /// <summary>Starts `edge hil worker` for a rig as its own process; with <paramref name="pause"/> it stops before each cell until released.</summary>
    public ServerProcess StartWorker(string rig, string name, bool pause = false, string? dashboard = null, string? storeWait = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = CephGateway.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = CephGateway.SecretKey,
            ["AWS_ENDPOINT_URL"] = SharedServers.Gateway.Endpoint.ToString(),
            ["EDGE_FLEET_DB"] = SharedServers.Database.ConnectionString,
        };
        if (pause) environment[PauseVariable] = PauseFolder;
        var worker = ServerProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "edge.dll"), "hil", "worker", "--rig", rig, "--store", StoreUrl,
            "--name", name, "--work", WorkFolder(name), "--lease", "3s", "--verbose",
            .. (dashboard is null ? Array.Empty<string>() : ["--dashboard", dashboard]), .. (storeWait is null ? Array.Empty<string>() : ["--store-wait", storeWait])], Path.Combine(Folder, name + ".log"), environment);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>The work folder of the worker named <paramref name="name"/> (it outlives the process: a worker started again under the name finds it).</summary>
    public string WorkFolder(string name) => Path.Combine(Folder, "work-" + name);

    /// <summary>The spool of the worker named <paramref name="name"/>, read from its work folder.</summary>
    public StoreSpool SpoolOf(string name) => new(Path.Combine(WorkFolder(name), CellWorker.SpoolFolderName));

    /// <summary>
    /// The Hangfire jobs of this fleet's cells of <paramref name="run"/>, read from PostgreSQL with Hangfire's own
    /// monitoring API: each job's current state and the names of every state it went through.
    /// </summary>
    public IReadOnlyList<(string Id, CellJob Job, string State, IReadOnlyList<string> History)> Jobs(string run)
    {
        var monitoring = FleetStorage.Open(SharedServers.Database.ConnectionString).GetMonitoringApi();
        var ids = new List<string>();
        ids.AddRange(monitoring.SucceededJobs(0, 1000).Select(j => j.Key));
        ids.AddRange(monitoring.FailedJobs(0, 1000).Select(j => j.Key));
        ids.AddRange(monitoring.ProcessingJobs(0, 1000).Select(j => j.Key));
        ids.AddRange(monitoring.ScheduledJobs(0, 1000).Select(j => j.Key));
        foreach (var queue in monitoring.Queues()) ids.AddRange(monitoring.EnqueuedJobs(queue.Name, 0, 1000).Select(j => j.Key));
        var jobs = new List<(string, CellJob, string, IReadOnlyList<string>)>();
        foreach (string id in ids.Distinct())
        {
            var details = monitoring.JobDetails(id);
            if (details?.Job?.Args is [CellJob job, ..] && job.Run == run && (job.Host == HostA || job.Host == HostB))
            {
                // History is newest first.
                var history = details.History.Select(h => h.StateName).Reverse().ToList();
                jobs.Add((id, job, history[^1], history));
            }
        }
        return jobs;
    }

    /// <summary>`edge hil submit` of flux_mlp at the given firmware revisions to one bench host only.</summary>
    public (int Code, string Output, string Error) SubmitTo(string run, string rig, params string[] firmware) =>
        RunEdge(["hil", "submit", "--rig", rig, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", .. firmware, "--run", run, "--store", StoreUrl, "--db", SharedServers.Database.ConnectionString]);

    private const string PauseVariable = CellWorker.PauseVariable;

    /// <summary>`edge hil submit` in this process: flux_mlp at the given firmware revisions on both hosts.</summary>
    public (int Code, string Output, string Error) Submit(string run, params string[] firmware) =>
        RunEdge(["hil", "submit", "--rig", RigA, RigB, "--models", RepoPaths.MotorFlux("flux_mlp.onnx"), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
            "--firmware", .. firmware, "--run", run, "--store", StoreUrl, "--db", SharedServers.Database.ConnectionString]);

    /// <summary>An `edge` command in this process, with the gateway's keys and endpoint in the environment as a user would set them.</summary>
    public static (int Code, string Output, string Error) RunEdge(string[] args)
    {
        using var environment = GatewayEnvironment.Set();
        var (output, error) = (new StringWriter(), new StringWriter());
        int code = EdgeCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Waits until the run has a result for <paramref name="cells"/> cells (workers run on their own).</summary>
    public async Task<IReadOnlyList<StoredCell>> FinishedAsync(string run, int cells)
    {
        using var store = OpenStore();
        IReadOnlyList<StoredCell> found = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while ((found = await RunArchive.CellsAsync(store, run)).Count < cells)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"run {run}: {found.Count} of {cells} cells after 2 minutes; worker logs:\n" + string.Join("\n---\n", _workers.Select(w => w.Tail(30))));
            await Task.Delay(200);
        }
        return found;
    }

    public void Dispose()
    {
        foreach (var worker in _workers) worker.Dispose();
    }

    private string WriteRig(string rig, string board, string profile, bool flaky)
    {
        string path = Path.Combine(Folder, rig + ".yaml");
        // The flaky host's monitor drops the first attempt of every cell: Edge's own retry (after a reset) recovers it.
        File.WriteAllText(path, $"""
            rig: {rig}
            measurement: {"{"} warmup: 1, inferences: 3, accuracy-rows: 30, cell-timeout: 1m, retries: 1 {"}"}
            boards:
              - name: {board}
                kind: simulated
                profile: {profile}
                monitor: {"{"} kind: simulated {"}"}
            {(flaky ? "    simulation:\n      monitor-faults: drop@35ms\n      fault-attempts: 1\n" : "")}
            """);
        return path;
    }
}

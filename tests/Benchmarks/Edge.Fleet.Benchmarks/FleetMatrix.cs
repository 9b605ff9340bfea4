using System.Diagnostics;
using Edge.Cli;
using Edge.Fleet.Jobs;
using Edge.Fleet.Runs;
using Edge.Hil.Results;
using Edge.Store;
using Edge.TestSupport;
using Edge.TestSupport.Servers;
using Hangfire;

namespace Edge.Fleet.Benchmarks;

/// <summary>
/// The matrix on the fleet: 16 models (copies of flux_mlp under 16 names: 16 distinct cells each, the same
/// work) x 2 simulated boards x 2 firmware revisions, submitted to `edge hil worker` processes on a private
/// PostgreSQL, with a folder store (each configuration its own, so nothing is reused between them).
/// </summary>
internal sealed class FleetMatrix(PostgresServer database, string folder)
{
    public const int Models = 16;

    private string? _modelFolder;

    /// <summary>Wall time from the submit to the last result in the store, and each job's figures from Hangfire.</summary>
    public async Task<MatrixFigures> RunAsync(string name, IReadOnlyList<(string Rig, string[] Boards)> hosts)
    {
        string root = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        string store = Path.Combine(root, "store");
        var rigs = hosts.Select(h => WriteRig(root, h.Rig, h.Boards)).ToList();
        var workers = new List<ServerProcess>();
        try
        {
            foreach (string rig in rigs)
            {
                string worker = Path.GetFileNameWithoutExtension(rig);
                workers.Add(ServerProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "edge.dll"), "hil", "worker", "--rig", rig, "--store", store,
                    "--name", worker, "--work", Path.Combine(root, "work-" + worker), "--db", database.ConnectionString], Path.Combine(root, worker + ".log")));
            }
            int cells = Models * hosts.Sum(h => h.Boards.Length) * 2;
            var watch = Stopwatch.StartNew();
            var submit = Edge(["hil", "submit", "--rig", .. rigs, "--models", ModelFolder(), "-d", RepoPaths.MotorFlux("test_164V.features.csv"),
                "--firmware", "1.0", "2.0", "--run", name, "--store", store, "--db", database.ConnectionString]);
            double submitSeconds = watch.Elapsed.TotalSeconds;
            using var opened = ArtifactStore.Open(StoreLocation.Parse(store));
            while ((await RunArchive.CellsAsync(opened, name)).Count < cells)
            {
                if (watch.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException($"{name}: not done after 20 minutes; see {root}/*.log");
                await Task.Delay(250);
            }
            double wall = watch.Elapsed.TotalSeconds;
            string pulled = Path.Combine(root, "pulled");
            await RunArchive.PullAsync(opened, name, pulled);
            var results = RunDirectory.Existing(pulled).ReadResults(RunDirectory.Existing(pulled).ReadManifest()!);
            return new MatrixFigures(name, cells, submitSeconds, wall, results.Sum(r => r.Seconds), results.Count(r => r.Status == "ok"), Jobs(name));
        }
        finally
        {
            foreach (var worker in workers) worker.Dispose();
        }
    }

    /// <summary>Hangfire's own figures for the run's succeeded jobs: latency (created to processing) and performance duration, in ms.</summary>
    private List<(double LatencyMs, double PerformanceMs)> Jobs(string run)
    {
        var monitoring = FleetStorage.Open(database.ConnectionString).GetMonitoringApi();
        var figures = new List<(double, double)>();
        foreach (var job in monitoring.SucceededJobs(0, 10_000))
        {
            if (job.Value.Job?.Args.FirstOrDefault() is not CellJob cell || cell.Run != run) continue;
            var succeeded = monitoring.JobDetails(job.Key).History.First(h => h.StateName == "Succeeded");
            figures.Add((double.Parse(succeeded.Data["Latency"], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(succeeded.Data["PerformanceDuration"], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return figures;
    }

    private string ModelFolder()
    {
        if (_modelFolder is not null) return _modelFolder;
        _modelFolder = Directory.CreateDirectory(Path.Combine(folder, "models")).FullName;
        for (int i = 1; i <= Models; i++) File.Copy(RepoPaths.MotorFlux("flux_mlp.onnx"), Path.Combine(_modelFolder, $"m{i:00}.onnx"), overwrite: true);
        return _modelFolder;
    }

    private static string WriteRig(string root, string rig, string[] boards)
    {
        string path = Path.Combine(root, rig + ".yaml");
        File.WriteAllText(path, $"rig: {rig}\nmeasurement: {{ warmup: 1, inferences: 3, accuracy-rows: 30, cell-timeout: 1m, retries: 1 }}\nboards:\n" +
            string.Concat(boards.Select(b => $"  - name: {b}\n    kind: simulated\n    profile: {(b.Contains("f401", StringComparison.Ordinal) ? "nucleo-f401re" : "nucleo-f746zg")}\n    monitor: {{ kind: simulated }}\n")));
        return path;
    }

    private static string Edge(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        int code = EdgeCli.Run(args, output, error);
        if (code != 0) throw new InvalidOperationException($"edge {string.Join(' ', args)} exited with {code}: {error}");
        return output.ToString();
    }
}

/// <summary>One configuration's figures.</summary>
internal sealed record MatrixFigures(string Name, int Cells, double SubmitSeconds, double WallSeconds, double CellSeconds, int Ok, List<(double LatencyMs, double PerformanceMs)> Jobs)
{
    public double Median(Func<(double LatencyMs, double PerformanceMs), double> of)
    {
        var values = Jobs.Select(of).Order().ToList();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }
}

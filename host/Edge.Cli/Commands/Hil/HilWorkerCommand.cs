using System.CommandLine;
using Edge.Cli.Commands.Store;
using Edge.Cli.Grammar;
using Edge.Fleet.Jobs;
using Edge.Hil.Rigs;
using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil worker`: serve this bench host's queue (Edge.Fleet's <see cref="WorkerHost"/>).</summary>
internal static class HilWorkerCommand
{
    public static Command Create()
    {
        var rig = new Option<string>("--rig", "-r") { Description = "This bench host's rig: its boards are measured here, and its name is the host's queue.", Required = true };
        var store = StoreOptions.Create("Where inputs come from and results go");
        var db = FleetOptions.Database();
        var name = new Option<string?>("--name") { Description = "This worker's name in the dashboard and the results (default: HOST:PID)." };
        var work = new Option<string?>("--work") { Description = "Local folder for fetched inputs and run folders (default: ~/.cache/edge/worker/RIG)." };
        var lease = DurationOption.Create("--lease", "How long after this worker's last heartbeat its cell goes back to the queue (default 2m).");
        var dashboard = new Option<string?>("--dashboard") { Description = "Also serve Hangfire's dashboard at http://ADDRESS/hangfire, e.g. 127.0.0.1:5080 (local requests only)." };
        var storeWait = DurationOption.Create("--store-wait", "On Ctrl+C or SIGTERM: how long to keep sending the spool to a store that is down (default 30s); what is left is sent when the worker starts again.");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every cell (to stderr)." };
        var command = new Command("worker", """
            Serve the boards of this bench host's rig from its own queue on the fleet's job engine (Hangfire on PostgreSQL):
            take one cell at a time, reuse a complete measurement with the same inputs made by any host, else fetch the
            inputs from the store by hash, measure the cell (cell timeout, retries after a reset) and send its result and
            trace to the store through the worker's spool (WORK/spool): a cell measured while the store is down waits there
            and its job still succeeds; uploads the store refuses for good (access denied, no bucket) are set aside in
            WORK/spool/rejected with the reason. A worker killed mid-cell loses nothing: after --lease the engine hands the
            cell to the next worker of this queue, once. Runs until Ctrl+C or SIGTERM.

            Examples:
              edge hil worker --rig hil-rigs/bench-a.yaml --store s3://bench-artifacts/edge --db "Host=jobs.lan;Username=edge;Database=edge"
              EDGE_FLEET_DB="Host=127.0.0.1;Username=edge;Database=edge" edge hil worker -r bench-b.yaml --dashboard 127.0.0.1:5080
            """)
        {
            rig, store, db, name, work, lease, dashboard, storeWait, verbose,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            NativeBuild.RequireJit("edge hil worker", NativeBuild.FleetEngine);
            var loaded = RigLoader.Load(parse.GetValue(rig)!);
            using var opened = StoreOptions.Open(parse, store);
            var storage = FleetStorage.Open(parse.GetValue(db), parse.GetValue(lease));
            string workFolder = parse.GetValue(work) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "edge", "worker", BenchQueue.For(loaded.Name));
            Directory.CreateDirectory(workFolder);
            var logger = new StderrLogger(io.Error, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning);
            var worker = new CellWorker(loaded, opened, workFolder, parse.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}", logger, storage);
            using var interrupt = Interruption.UntilInterrupted(linked: cancellationToken);
            await WorkerHost.RunAsync(worker, storage, parse.GetValue(dashboard), logger, interrupt.Token, parse.GetValue(storeWait));
            return ExitCode.Ok;
        });
        return command;
    }
}

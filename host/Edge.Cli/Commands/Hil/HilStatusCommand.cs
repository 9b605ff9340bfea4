using System.CommandLine;
using System.Globalization;
using Edge.Cli.Commands.Store;
using Edge.Fleet.Jobs;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil status RUN`: progress per bench host (Edge.Fleet's <see cref="RunStatus"/>).</summary>
internal static class HilStatusCommand
{
    public static Command Create()
    {
        var run = new Argument<string>("run") { Description = "A run's name, as given to `edge hil submit --run`." };
        var store = StoreOptions.Create("Where the run's results land");
        var db = FleetOptions.Database();
        var command = new Command("status", """
            Show a submitted run's progress per bench host: cells queued for the host, complete, failed, spooled (measured,
            their results still in a worker's spool because the store was down), waiting (not measured yet); the length
            of its queue and its live workers (with the age of their last heartbeat). Without --db or EDGE_FLEET_DB, only
            what the store holds.

            Examples:
              edge hil status fw-1.3.0 --store s3://bench-artifacts/edge --db "Host=jobs.lan;Username=edge;Database=edge"
            """)
        {
            run, store, db,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            NativeBuild.RequireJit("edge hil status", NativeBuild.FleetEngine);
            using var opened = StoreOptions.Open(parse, store);
            var storage = parse.GetValue(db) is not null || Environment.GetEnvironmentVariable(FleetStorage.Variable) is not null ? FleetStorage.Open(parse.GetValue(db)) : null;
            var hosts = await RunStatus.ReadAsync(opened, storage, parse.GetValue(run)!, cancellationToken);
            io.Out.WriteLine("host          cells  complete  failed  spooled  waiting  queued  workers  last heartbeat");
            foreach (var h in hosts)
            {
                string beat = h.LastHeartbeat is { } t ? $"{(DateTime.UtcNow - t).TotalSeconds:0} s ago" : "-";
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{h.Host,-12}  {h.Cells,5}  {h.Complete,8}  {h.Failed,6}  {h.Spooled,7}  {h.Waiting,7}  {(storage is null ? "-" : h.Enqueued.ToString(CultureInfo.InvariantCulture)),6}  {(storage is null ? "-" : h.Workers.ToString(CultureInfo.InvariantCulture)),7}  {beat}"));
            }
            int total = hosts.Sum(h => h.Cells), complete = hosts.Sum(h => h.Complete), failed = hosts.Sum(h => h.Failed), spooled = hosts.Sum(h => h.Spooled);
            io.Out.WriteLine($"{complete + failed}/{total} cells finished ({failed} failed)");
            if (spooled > 0) io.Out.WriteLine($"{spooled} cell(s) measured and waiting in a worker's spool for the store");
            return ExitCode.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Cli.Commands.Store;
using Edge.Fleet.Jobs;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil submit`: one job per matrix cell on the queue of the host with its board (Edge.Fleet's <see cref="FleetSubmitter"/>).</summary>
internal static class HilSubmitCommand
{
    public static Command Create()
    {
        var rigs = new Option<string[]>("--rig", "-r") { Description = "Every bench host's rig (each rig's name is its host's queue; board names unique across them).", Required = true, AllowMultipleArgumentsPerToken = true };
        var models = new Option<string[]>("--models", "-m") { Description = "Models: .onnx files, .edgem files with their .onnx beside them, or folders.", Required = true, AllowMultipleArgumentsPerToken = true };
        var data = new Option<string[]>("--data", "-d") { Description = "The test set: tables or folders (each model takes the one table with its columns).", Required = true, AllowMultipleArgumentsPerToken = true };
        var calib = new Option<string[]>("--calib") { Description = "Calibration tables for converting .onnx models (default: the --data tables).", AllowMultipleArgumentsPerToken = true };
        var firmware = new Option<string[]>("--firmware") { Description = "Firmware revisions, each a column of the matrix.", AllowMultipleArgumentsPerToken = true };
        var run = new Option<string>("--run") { Description = "The run's name in the store (results land under runs/NAME).", Required = true };
        var store = StoreOptions.Create("Where inputs are put and results land");
        var db = FleetOptions.Database();
        var inferences = new Option<int?>("--inferences", "-n") { Description = "Measured inferences per cell (default: each rig's)." }.Within(1, ushort.MaxValue);
        var warmup = new Option<int?>("--warmup") { Description = "Warm-up inferences before them." }.Within(0, ushort.MaxValue);
        var rows = new Option<int?>("--accuracy-rows") { Description = "Rows per cell run on the board and compared with ONNX Runtime." }.Within(1, 1_000_000);
        var command = new Command("submit", """
            Put one job per matrix cell (model x board x firmware) on the queue of the bench host whose rig has that board,
            after pushing every input (models, tables, rigs) to the store by hash and writing the run's record there. The
            workers (`edge hil worker`) measure; `edge hil status RUN` shows progress per host; `edge store pull RUN` gets the
            run folder. Submitting a run again measures nothing already measured with the same inputs.

            Examples:
              edge hil submit -r bench-a.yaml bench-b.yaml -m models/ -d data/ --firmware 1.2.0 1.3.0 --run fw-1.3.0 \
                --store s3://bench-artifacts/edge --db "Host=jobs.lan;Username=edge;Database=edge"
            """)
        {
            rigs, models, data, calib, firmware, run, store, db, inferences, warmup, rows,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            NativeBuild.RequireJit("edge hil submit", NativeBuild.FleetEngine);
            var loaded = (parse.GetValue(rigs) ?? []).Select(RigLoader.Load).ToList();
            using var opened = StoreOptions.Open(parse, store);
            var storage = FleetStorage.Open(parse.GetValue(db));
            var versions = (parse.GetValue(firmware) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var summary = await FleetSubmitter.SubmitAsync(new SubmitOptions
            {
                Run = parse.GetValue(run)!,
                Rigs = loaded,
                Models = parse.GetValue(models)!,
                Data = parse.GetValue(data)!,
                Calibration = parse.GetValue(calib) ?? [],
                Firmware = versions.Count > 0 ? versions : [FirmwareVersions.Current],
                Inferences = parse.GetValue(inferences),
                Warmup = parse.GetValue(warmup),
                AccuracyRows = parse.GetValue(rows),
            }, opened, storage, cancellationToken);
            io.Out.WriteLine($"run {summary.Run}: {summary.CellsPerHost.Values.Sum()} cell(s) queued: " +
                string.Join(", ", summary.CellsPerHost.Select(p => $"{p.Key} {p.Value}")) + $"; follow with `edge hil status {summary.Run}`");
            return ExitCode.Ok;
        });
        return command;
    }
}

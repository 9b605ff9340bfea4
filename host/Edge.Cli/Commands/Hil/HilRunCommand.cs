using System.CommandLine;
using Edge.Cli.Commands.Store;
using Edge.Cli.Grammar;
using Edge.Fleet.Runs;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Power.Samples;
using Edge.Store;
using Edge.Store.Spool;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Edge.Cli.Commands.Hil;

/// <summary>`edge hil run`: measure the matrix; the work is Edge.Hil's <see cref="HilRunner"/>.</summary>
internal static class HilRunCommand
{
    public static Command Create()
    {
        var rig = new Option<string>("--rig", "-r") { Description = "The rig file (YAML): boards, links, monitors, budgets. hil-rigs/sim.yaml runs anywhere.", Required = true };
        var models = new Option<string[]>("--models", "-m") { Description = "Models: .onnx files (converted here), .edgem files with their .onnx beside them, or folders of them.", Required = true, AllowMultipleArgumentsPerToken = true };
        var data = new Option<string[]>("--data", "-d") { Description = "The test set: tables (CSV/Parquet) or folders. Each model takes the one table holding its input columns; MODEL=FILE gives a model its table.", Required = true, AllowMultipleArgumentsPerToken = true };
        var calib = new Option<string[]>("--calib") { Description = "Calibration tables for converting .onnx models, matched like --data (default: the --data tables).", AllowMultipleArgumentsPerToken = true };
        var firmware = new Option<string[]>("--firmware") { Description = "Firmware revisions, each a column of the matrix (Nucleo boards: images named in the rig; simulated: any name). Default: whatever the board runs.", AllowMultipleArgumentsPerToken = true };
        var boards = new Option<string[]>("--boards", "-b") { Description = "Only these boards of the rig.", AllowMultipleArgumentsPerToken = true };
        var shard = new Option<string?>("--shard") { Description = "Measure shard i of n (e.g. 2/3): bench hosts split one matrix by a hash of each cell; run them into one --out folder or merge the cells/ folders." };
        var output = new Option<string>("--out", "-o") { Description = "The run folder: manifest, one result file per cell, traces, results.parquet/json.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Keep the cells already complete in --out with the same inputs and measure the rest." };
        var inferences = new Option<int?>("--inferences", "-n") { Description = "Measured inferences per cell (the rig's measurement.inferences)." }.Within(1, ushort.MaxValue);
        var warmup = new Option<int?>("--warmup") { Description = "Warm-up inferences before them." }.Within(0, ushort.MaxValue);
        var rows = new Option<int?>("--accuracy-rows") { Description = "Rows per cell run on the board and compared with ONNX Runtime." }.Within(1, 1_000_000);
        var rate = new Option<string?>("--rate") { Description = "The monitor's sampling rate: 100k, 50k, ... 1." };
        var timeout = DurationOption.Create("--cell-timeout", "Time one attempt of a cell may take (e.g. 5m, 90s; at most 24h).");
        var retries = new Option<int?>("--retries") { Description = "Attempts after a failed one, each after a target reset." }.Within(0, 100);
        var parallel = new Option<int?>("--parallel") { Description = "Positions measured at the same time, at most (a position: a power monitor and the boards behind it). Default: all; 1 measures one after another." }.Within(1, 1000);
        var plain = new Option<bool>("--plain") { Description = "Print progress as lines, not bars (automatic when the output is not a terminal)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log what the harness does step by step (to stderr)." };
        var store = StoreOptions.Create("Also send every cell to this artifact store as it finishes, and take cells measured before with the same inputs (by `hil run` or any fleet worker) from it");
        var storeRun = new Option<string?>("--run") { Description = "With --store: the run's name in the store (default: the --out folder's name)." };
        var storeWait = DurationOption.Create("--store-wait", "With --store: how long to wait at the end for a store that is down (default 10m); what is not sent stays in the run folder's spool for `edge store push`.");
        var command = new Command("run", """
            Measure every model on every board at every firmware revision: deploy the firmware (nanoff for Nucleo boards),
            upload the model, power-cycle, acquire the supply current around warm-up and measured inferences (trigger-synced)
            and integrate energy per inference between trigger edges, time them, run the accuracy rows on the board against
            ONNX Runtime, record memory. Unattended: per-cell timeouts, retries after a target reset, failed cells recorded
            with their reason while the run goes on; each result is written as it completes, so a killed run continues with
            --resume. Boards with a power monitor of their own are measured at the same time; boards sharing a monitor (the
            same monitor.name or port in the rig) one after another. Exit code 3 when an input (rig, model, table, firmware image) is wrong, also when a model could not be
            prepared while the others were measured; 11 when cells failed on the bench; 130 when stopped by Ctrl+C (finished
            cells are kept).

            Examples:
              edge hil run --rig hil-rigs/sim.yaml --models samples/motor-flux \
                -d samples/motor-flux/test_164V.features.csv -d samples/motor-flux/test_164V.windows.csv \
                --calib samples/motor-flux/train_164V.features.csv --calib samples/motor-flux/train_164V.windows.csv --out runs/sim
              edge hil run -r hil-rigs/sim.yaml -m flux_mlp.edgem flux_cnn1d.onnx -d flux_cnn1d=test.windows.csv -d test.features.csv -o runs/a --firmware 1.2.0 1.3.0
              edge hil run -r hil-rigs/bench-example.yaml -m models/ -d data/ -o /shared/runs/r7 --shard 2/3 --resume
              edge hil run -r hil-rigs/bench-example.yaml -m models/ -d data/ -o runs/r8 --parallel 1
              edge hil run -r hil-rigs/sim.yaml -m models/ -d data/ -o runs/fw-1.3.0 --firmware 1.3.0 --store s3://bench-artifacts/edge

            With --store, each cell goes to the store as it finishes (through a spool in the run folder, so a store that is down
            loses nothing and holds nothing up), cells measured before with the same inputs are taken from it, and the run's
            record follows at the end; exit code 20 when the store stayed unreachable (the uploads wait in the spool), 3 when
            it refused uploads for good (access denied, no bucket: they are kept in the spool's rejected/ with the reason).
            """)
        {
            rig, models, data, calib, firmware, boards, shard, output, resume, inferences, warmup, rows, rate, timeout, retries, parallel, plain, verbose,
            store, storeRun, storeWait,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var loaded = RigLoader.Load(parse.GetValue(rig)!);
            var plan = loaded.Measurement;
            plan = plan with
            {
                Inferences = parse.GetValue(inferences) ?? plan.Inferences,
                Warmup = parse.GetValue(warmup) ?? plan.Warmup,
                AccuracyRows = parse.GetValue(rows) ?? plan.AccuracyRows,
                Retries = parse.GetValue(retries) ?? plan.Retries,
                Rate = parse.GetValue(rate) is { } r ? (SamplingRate.TryParse(r, out var parsed) ? parsed : throw new UserFacingException($"--rate '{r}' is not a rate the monitor takes (100k, 50k, 20k, 10k, 5k, 2k, 1k, 500, ...)", ExitCode.Usage)) : plan.Rate,
                CellTimeout = parse.GetValue(timeout) is { } t ? (t <= MeasurementPlan.MaxCellTimeout ? t : throw new UserFacingException("--cell-timeout must be at most 24h", ExitCode.Usage)) : plan.CellTimeout,
            };
            var shardValue = Shard.All;
            if (parse.GetValue(shard) is { } s && !Shard.TryParse(s, out shardValue))
                throw new UserFacingException($"--shard '{s}': write i/n with 1 <= i <= n, e.g. 2/3", ExitCode.Usage);
            var versions = Split(parse.GetValue(firmware)) is { Count: > 0 } given ? given : [FirmwareVersions.Current];
            // Images are checked before anything is measured: a missing one is a wrong input, not a failed cell.
            if (RigLoader.MissingFiles(loaded, versions) is { Count: > 0 } missing)
                throw new HilInputException($"{loaded.SourcePath}: {missing[0]}{(missing.Count > 1 ? $" (and {missing.Count - 1} more)" : "")}");
            var options = new HilRunOptions
            {
                Rig = loaded,
                Models = parse.GetValue(models)!,
                Data = parse.GetValue(data)!,
                Calibration = parse.GetValue(calib) ?? [],
                Firmware = versions,
                Boards = Split(parse.GetValue(boards)),
                Shard = shardValue,
                OutputDirectory = parse.GetValue(output)!,
                Resume = parse.GetValue(resume),
                MaxParallelPositions = parse.GetValue(parallel),
                Plan = plan,
                Logger = new StderrLogger(io.Error, parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning),
            };
            using var interrupt = Interruption.UntilInterrupted(linked: cancellationToken);
            using var opened = parse.GetValue(store) is { } storeUrl ? ArtifactStore.Open(StoreLocation.Parse(storeUrl)) : null;
            StoredRunSummary? stored = null;
            async Task<RunSummary> Measure(IRunProgress progress)
            {
                if (opened is null) return await HilRunner.RunAsync(options, progress, interrupt.Token);
                string runName = parse.GetValue(storeRun) ?? Path.GetFileName(Path.GetFullPath(options.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar));
                stored = await StoredHilRun.RunAsync(options, runName, opened, progress, parse.GetValue(storeWait) ?? TimeSpan.FromMinutes(10), options.Logger, cancellationToken: interrupt.Token);
                return stored.Run;
            }
            try
            {
                RunSummary summary;
                if (!parse.GetValue(plain) && ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
                {
                    RunSummary? result = null;
                    await AnsiConsole.Progress().AutoClear(false)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async context => result = await Measure(new SpectreProgress(context)));
                    summary = result!;
                }
                else summary = await Measure(new PlainProgress(io.Out));
                HilSummary.Write(io.Out, summary);
                if (stored is not null)
                {
                    if (stored.Pending > 0)
                        return io.Fail(ExitCode.DeviceError, $"{opened!.Location} could not be reached: {stored.Pending} upload(s) wait in {stored.SpoolFolder}; send them with `edge store push {options.OutputDirectory} --run {stored.RunName} --store {opened.Location}`");
                    if (stored.Rejected > 0)
                        return io.Fail(ExitCode.InvalidInput, $"{opened!.Location} refused {stored.Rejected} upload(s) for good (see the log above); they are kept with the reason in {Path.Combine(stored.SpoolFolder, StoreSpool.RejectedFolder)}: once the cause is fixed, move them back into {stored.SpoolFolder} and run `edge store push {options.OutputDirectory} --run {stored.RunName} --store {opened.Location}`");
                    io.Out.WriteLine($"stored in {opened!.Location} as run {stored.RunName}" + (stored.Reused > 0 ? $" ({stored.Reused} cell(s) taken from earlier runs with the same inputs)" : ""));
                }
                // A model that could not be prepared is a wrong input (3), whatever the bench did with the others.
                if (summary.Unprepared.Count > 0)
                    return io.Fail(ExitCode.InvalidInput, $"model {summary.Unprepared.First().Key} could not be prepared: {summary.Unprepared.First().Value}" +
                        (summary.Unprepared.Count > 1 ? $" (and {summary.Unprepared.Count - 1} more model(s); see the log above)" : ""));
                return summary.Failed > 0 ? ExitCode.RunIncomplete : ExitCode.Ok;
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                io.Error.WriteLine($"interrupted: the cells finished so far are kept in {options.OutputDirectory}; continue with the same command and --resume");
                return ExitCode.Interrupted;
            }
        });
        return command;
    }

    /// <summary>Values given as several arguments or comma-separated in one.</summary>
    private static IReadOnlyList<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}

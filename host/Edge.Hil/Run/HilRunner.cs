using Edge.Data;
using Edge.Device.Codec;
using Edge.Hil.Bench;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Storage;
using Edge.Models.Import;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Run;

/// <summary>
/// `edge hil run`: resolves models and tables, builds the matrix and takes this shard's cells,
/// writes the manifest, prepares each model once, then measures: positions with a power monitor
/// of their own at the same time, positions sharing a monitor one after another
/// (<see cref="PositionLane"/>), each lane cell after cell (a board is flashed once per revision),
/// writing each result as it completes; at the end (or when cancelled) combines all results of
/// the matrix into results.json and results.parquet.
/// With --resume, cells already complete with unchanged inputs are kept, not measured again.
/// </summary>
public static class HilRunner
{
    public static async Task<RunSummary> RunAsync(HilRunOptions options, IRunProgress progress, CancellationToken cancellationToken)
    {
        var rig = options.Rig;
        var plan = options.Plan ?? rig.Measurement;
        if (plan.Problem() is { } problem) throw new HilInputException("measurement: " + problem);
        var models = ModelCatalog.Resolve(options.Models);
        if (options.Data.Count == 0) throw new HilInputException("--data: give the test set (a table or a folder of tables)");
        var data = DataCatalog.From(options.Data, "--data");
        var calibration = options.Calibration.Count > 0 ? DataCatalog.From(options.Calibration, "--calib") : data;
        foreach (var catalog in new[] { data, calibration })
            if (catalog.UnknownBindings(models.Select(m => m.Name)).FirstOrDefault() is { } unknown)
                throw new HilInputException($"a table is bound to model '{unknown}', which is not among --models ({string.Join(", ", models.Select(m => m.Name))})");
        IReadOnlyList<MatrixCell> matrix;
        try
        {
            matrix = RunMatrix.Build(rig, models, options.Firmware, options.Boards);
        }
        catch (Rigs.RigException e)
        {
            throw new HilInputException("--boards: " + e.Message, e);
        }
        foreach (var board in matrix.Select(c => c.Board).Distinct())
            if (board.StreamingProblem(plan.Rate) is { } streaming) throw new HilInputException(streaming);
        var mine = matrix.Where(c => options.Shard.Contains(c.Key)).ToList();

        var directory = RunDirectory.Create(options.OutputDirectory);
        var hashes = new FileHashes();
        var manifest = Manifest(options, plan, matrix, models, hashes);
        if (directory.ReadManifest() is { } existing && !options.Resume && !SameMatrix(existing, manifest))
            throw new HilInputException($"--out {options.OutputDirectory} holds another run (rig '{existing.Rig}', {existing.Cells.Count} cells); " +
                "choose another folder, or pass --resume to continue it with this matrix");
        directory.WriteManifest(manifest);

        var preparer = new ModelPreparer(data, calibration, directory.ModelsFolder, plan, hashes);
        var needed = mine.Select(c => c.Model).Distinct().ToList();
        var unprepared = new Dictionary<string, string>(StringComparer.Ordinal);
        // Tables first, for every model: a missing or ambiguous one stops the run before anything is measured.
        var plans = new Dictionary<string, ModelPlan>(StringComparer.Ordinal);
        foreach (var model in needed)
        {
            try
            {
                plans[model.Name] = preparer.Plan(model);
            }
            catch (Exception e) when (IsModelProblem(e))
            {
                unprepared[model.Name] = e.Message;
            }
        }
        var inputs = mine.ToDictionary(c => c.Key, c => CellInputs.Hash(c, plans.GetValueOrDefault(c.Model.Name), plan, hashes));
        if (options.Resume)
            foreach (string unreadable in directory.Unreadable(manifest))
                options.Logger.LogWarning("Cell result {Problem}: that cell is measured again", unreadable);
        var kept = mine.Where(c => options.Resume && directory.ReadCell(c.Key) is { } done && CellStatus.IsComplete(done.Status) && done.InputsSha256 == inputs[c.Key])
            .Select(c => c.Key).ToHashSet();
        if (options.Reuse is { } reuse)
        {
            // Measured before with the same inputs (any run, any host): taken, not measured again.
            foreach (var cell in mine.Where(c => !kept.Contains(c.Key) && plans.ContainsKey(c.Model.Name)))
                if (await reuse.FindAsync(cell, inputs[cell.Key], directory, cancellationToken).ConfigureAwait(false) is { } earlier
                    && CellStatus.IsComplete(earlier.Status) && earlier.InputsSha256 == inputs[cell.Key])
                    kept.Add(cell.Key);
        }

        // Only models with a cell left to measure are converted and run through ONNX Runtime.
        var prepared = new Dictionary<string, PreparedModel>(StringComparer.Ordinal);
        foreach (var (name, modelPlan) in plans.Where(p => mine.Any(c => c.Model.Name == p.Key && !kept.Contains(c.Key))))
        {
            progress.Preparing(name);
            try
            {
                prepared[name] = preparer.Prepare(modelPlan);
            }
            catch (Exception e) when (IsModelProblem(e) || e is HilInputException)
            {
                // Its cells are recorded as failed with this reason; the other models still run.
                unprepared[name] = e.Message;
            }
        }
        // A warning now, while the other models are measured; the run ends with one error naming it (exit code 3).
        foreach (var (name, reason) in unprepared) options.Logger.LogWarning("Model {Model} cannot be prepared, its cells are recorded as failed: {Reason}", name, reason);

        progress.Started(new RunOverview(directory.Root, rig.Name, matrix.Count, mine.Count, kept.Count, models.Count,
            matrix.Select(c => c.Board.Name).Distinct().Count(), options.Firmware));

        var lanes = PositionLane.Plan(mine);
        var runner = new CellRunner(rig, directory, plan, progress);
        string scratch = Path.Combine(Path.GetTempPath(), "edge-hil-" + Guid.NewGuid().ToString("N")[..12]);
        var context = new LaneContext(options, plan, directory, runner, progress, scratch, kept, inputs, prepared, unprepared);
        try
        {
            await RunLanesAsync(lanes, context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await TryCombineAsync(directory, manifest, options.Logger).ConfigureAwait(false);
            throw;
        }
        finally
        {
            TryDelete(scratch);
        }
        var results = await directory.CombineAsync(manifest).ConfigureAwait(false);
        return new RunSummary(directory.Root, results, context.Ran, kept.Count) { Unprepared = unprepared };
    }

    /// <summary>
    /// Runs every lane, as many at once as allowed. When a lane fails (a result that cannot be
    /// written, a bug), the others are stopped, every lane is waited for (each closes its
    /// positions), and the first failure is thrown; a cancelled run throws once all lanes stopped.
    /// </summary>
    private static async Task RunLanesAsync(IReadOnlyList<PositionLane> lanes, LaneContext context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Clamp(context.Options.MaxParallelPositions ?? lanes.Count, 1, Math.Max(1, lanes.Count)));
        var running = lanes.Select(lane => Task.Run(async () =>
        {
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                await RunLaneAsync(lane, context, stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                stop.Cancel(); // the run cannot complete: the other positions stop at their next step
                throw;
            }
            finally
            {
                slots.Release();
            }
        }, CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch
        {
            // Every lane has ended here; pick what to report below.
        }
        var failure = running.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        cancellationToken.ThrowIfCancellationRequested();
        if (running.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } stopped) await stopped.ConfigureAwait(false);
    }

    /// <summary>One lane: its cells in order, opening each board's position when its first cell comes (and closing the one before).</summary>
    private static async Task RunLaneAsync(PositionLane lane, LaneContext context, CancellationToken cancellationToken)
    {
        var (options, plan, directory, runner, progress) = (context.Options, context.Plan, context.Directory, context.Runner, context.Progress);
        await using var shared = lane.SharedSimulatedMonitor is { } name ? new SimulatedMonitor("SIM-" + name) : null;
        IBenchPosition? position = null;
        try
        {
            foreach (var cell in lane.Cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (context.Kept.Contains(cell.Key))
                {
                    progress.CellFinished(cell, directory.ReadCell(cell.Key)!, resumed: true);
                    continue;
                }
                if (position?.Board != cell.Board)
                {
                    if (position is not null) await position.DisposeAsync().ConfigureAwait(false);
                    position = null;
                    position = BenchPositions.Open(cell.Board, plan, context.Scratch, options.Logger, shared);
                }
                progress.CellStarted(cell);
                var result = await runner.RunAsync(cell, position, context.Prepared.GetValueOrDefault(cell.Model.Name), context.Unprepared.GetValueOrDefault(cell.Model.Name),
                    context.Inputs[cell.Key], cancellationToken).ConfigureAwait(false);
                directory.WriteCell(result);
                context.CountRan();
                progress.CellFinished(cell, result, resumed: false);
            }
        }
        finally
        {
            if (position is not null) await position.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What every lane of a run reads (nothing here changes while lanes run, except the count).</summary>
    private sealed record LaneContext(HilRunOptions Options, MeasurementPlan Plan, RunDirectory Directory, CellRunner Runner, IRunProgress Progress, string Scratch,
        IReadOnlySet<string> Kept, IReadOnlyDictionary<string, string> Inputs, IReadOnlyDictionary<string, PreparedModel> Prepared, IReadOnlyDictionary<string, string> Unprepared)
    {
        private int _ran;

        public int Ran => Volatile.Read(ref _ran);

        public void CountRan() => Interlocked.Increment(ref _ran);
    }

    /// <summary>A model the harness cannot read, import or convert: its cells fail, the run goes on.</summary>
    private static bool IsModelProblem(Exception e) => e is ModelImportException or EdgeFormatException or DataFileException or ArgumentException or IOException;

    private static RunManifest Manifest(HilRunOptions options, MeasurementPlan plan, IReadOnlyList<MatrixCell> matrix, IReadOnlyList<ModelSource> models, FileHashes hashes)
    {
        var inputs = new List<ManifestInput> { new("rig", Path.GetFullPath(options.Rig.SourcePath), SafeHash(options.Rig.SourcePath, hashes)) };
        foreach (var model in models)
        {
            inputs.Add(new ManifestInput("onnx", model.OnnxPath, hashes.Of(model.OnnxPath)));
            if (model.EdgemPath is { } edgem) inputs.Add(new ManifestInput("edgem", edgem, hashes.Of(edgem)));
        }
        return new RunManifest
        {
            Rig = options.Rig.Name,
            RigFile = Path.GetFullPath(options.Rig.SourcePath),
            RigSha256 = inputs[0].Sha256,
            Plan = plan.Canonical,
            Firmware = options.Firmware,
            Cells = matrix.Select(c => new ManifestCell(c.Key, c.Model.Name, c.Board.Name, c.Firmware)).ToList(),
            Inputs = inputs,
            Simulated = matrix.All(c => c.Board.Kind == Rigs.BoardKind.Simulated),
            EdgeVersion = typeof(HilRunner).Assembly.GetName().Version?.ToString() ?? "",
        };
    }

    /// <summary>A rig parsed from text in a test has no file behind it.</summary>
    private static string SafeHash(string path, FileHashes hashes) => File.Exists(path) ? hashes.Of(path) : "";

    private static bool SameMatrix(RunManifest a, RunManifest b) =>
        a.Rig == b.Rig && a.Cells.Select(c => c.Cell).SequenceEqual(b.Cells.Select(c => c.Cell));

    private static async Task TryCombineAsync(RunDirectory directory, RunManifest manifest, ILogger logger)
    {
        try
        {
            await directory.CombineAsync(manifest).ConfigureAwait(false);
        }
        catch (ResultWriteException e)
        {
            logger.LogWarning("Could not combine the results written so far: {Reason}", e.Message);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Scratch space for simulated flash; the system's temp cleaning takes it.
        }
    }
}

using Edge.Fleet.Runs;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Store;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Edge.Fleet.Jobs;

/// <summary>What `edge hil submit` is asked to do.</summary>
public sealed record SubmitOptions
{
    public required string Run { get; init; }

    /// <summary>One rig per bench host; its name is the host's queue.</summary>
    public required IReadOnlyList<Rig> Rigs { get; init; }

    public required IReadOnlyList<string> Models { get; init; }

    public required IReadOnlyList<string> Data { get; init; }

    public IReadOnlyList<string> Calibration { get; init; } = [];

    public IReadOnlyList<string> Firmware { get; init; } = [Edge.Hil.Plan.FirmwareVersions.Current];

    public int? Inferences { get; init; }

    public int? Warmup { get; init; }

    public int? AccuracyRows { get; init; }
}

/// <summary>What was submitted: the cells queued per bench host.</summary>
public sealed record SubmitSummary(string Run, IReadOnlyDictionary<string, int> CellsPerHost);

/// <summary>
/// `edge hil submit`: the matrix over every bench host's boards, the inputs pushed to the store by hash, the
/// run's record (manifest, inputs, which host each cell goes to), then one Hangfire job per cell on the queue
/// of the host that has its board.
/// </summary>
public static class FleetSubmitter
{
    public static async Task<SubmitSummary> SubmitAsync(SubmitOptions options, ArtifactStore store, JobStorage storage, CancellationToken cancellationToken = default)
    {
        RunArchive.CheckRunName(options.Run);
        if (options.Rigs.GroupBy(r => BenchQueue.For(r.Name)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new HilInputException($"two rigs share the bench host name '{twice.Key}': each bench host's rig needs its own name");
        var boards = options.Rigs.SelectMany(r => r.Boards.Select(b => (Rig: r, Board: b))).ToList();
        if (boards.GroupBy(b => b.Board.Name).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw new HilInputException($"board '{shared.Key}' is on several bench hosts ({string.Join(", ", shared.Select(b => b.Rig.Name))}); give boards names unique across the fleet");
        var models = ModelCatalog.Resolve(options.Models);
        if (options.Data.Count == 0) throw new HilInputException("--data: give the test set");
        var cells = options.Rigs.SelectMany(rig => RunMatrix.Build(rig, models, options.Firmware).Select(cell => (Rig: rig, Cell: cell))).ToList();

        var data = await PushAll(store, Files(options.Data, "--data"), cancellationToken).ConfigureAwait(false);
        var calibration = await PushAll(store, Files(options.Calibration, "--calib"), cancellationToken).ConfigureAwait(false);
        var rigHashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rig in options.Rigs) rigHashes[rig.Name] = (await store.PutFileAsync(rig.SourcePath, cancellationToken).ConfigureAwait(false)).Sha256;
        var modelFiles = new Dictionary<string, (JobFile Onnx, JobFile? Edgem)>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            var onnx = await store.PutFileAsync(model.OnnxPath, cancellationToken).ConfigureAwait(false);
            JobFile? edgem = null;
            if (model.EdgemPath is { } path)
                edgem = new JobFile { Name = Path.GetFileName(path), Sha256 = (await store.PutFileAsync(path, cancellationToken).ConfigureAwait(false)).Sha256 };
            modelFiles[model.Name] = (new JobFile { Name = Path.GetFileName(model.OnnxPath), Sha256 = onnx.Sha256 }, edgem);
        }

        var inputs = new List<ManifestInput>();
        inputs.AddRange(options.Rigs.Select(r => new ManifestInput("rig", Path.GetFullPath(r.SourcePath), rigHashes[r.Name])));
        foreach (var model in models)
        {
            inputs.Add(new ManifestInput("onnx", model.OnnxPath, modelFiles[model.Name].Onnx.Sha256));
            if (modelFiles[model.Name].Edgem is { } e) inputs.Add(new ManifestInput("edgem", model.EdgemPath!, e.Sha256));
        }
        inputs.AddRange(data.Select(d => new ManifestInput("data", d.Path, d.File.Sha256)));
        inputs.AddRange(calibration.Select(d => new ManifestInput("calibration", d.Path, d.File.Sha256)));
        var manifest = new RunManifest
        {
            Rig = string.Join("+", options.Rigs.Select(r => r.Name)),
            RigFile = string.Join(";", options.Rigs.Select(r => Path.GetFullPath(r.SourcePath))),
            RigSha256 = string.Join(";", options.Rigs.Select(r => rigHashes[r.Name])),
            Plan = string.Join(";", options.Rigs.Select(r => r.Measurement.Canonical)),
            Firmware = options.Firmware,
            Cells = cells.Select(c => new ManifestCell(c.Cell.Key, c.Cell.Model.Name, c.Cell.Board.Name, c.Cell.Firmware)).ToList(),
            Inputs = inputs,
            Simulated = options.Rigs.All(r => r.AllSimulated),
            EdgeVersion = typeof(FleetSubmitter).Assembly.GetName().Version?.ToString() ?? "",
        };
        var manifestBlob = await store.PutBytesAsync(ResultJson.Serialize(manifest), cancellationToken).ConfigureAwait(false);
        var record = new StoredRun
        {
            Run = options.Run,
            Rig = manifest.Rig,
            Simulated = manifest.Simulated,
            EdgeVersion = manifest.EdgeVersion,
            Cells = cells.Count,
            Manifest = new StoredFile("manifest.json", manifestBlob.Sha256, manifestBlob.Bytes),
            Inputs = inputs.Select(i => new StoredInput(i.Role, Path.GetFileName(i.Path), i.Sha256, true)).ToList(),
            Placement = cells.Select(c => new CellPlacement(c.Cell.Key, c.Rig.Name)).ToList(),
        };
        // Submitting the same run again is a no-op here (the same record); other content under the name is refused.
        await store.PutRecordAsync(RunArchive.RunRecord(options.Run), ResultJson.Serialize(record), cancellationToken).ConfigureAwait(false);

        var client = new BackgroundJobClient(storage);
        foreach (var (rig, cell) in cells)
        {
            var job = new CellJob
            {
                Run = options.Run,
                Cell = cell.Key,
                Host = rig.Name,
                Board = cell.Board.Name,
                Firmware = cell.Firmware,
                Store = store.Location.ToString(),
                Onnx = modelFiles[cell.Model.Name].Onnx,
                Edgem = modelFiles[cell.Model.Name].Edgem,
                Data = data.Select(d => d.File).ToList(),
                Calibration = calibration.Select(d => d.File).ToList(),
                RigSha256 = rigHashes[rig.Name],
                Inferences = options.Inferences,
                Warmup = options.Warmup,
                AccuracyRows = options.AccuracyRows,
            };
            client.Create(Job.FromExpression(() => CellWorker.RunAsync(job, CancellationToken.None)), new EnqueuedState(BenchQueue.For(rig.Name)));
        }
        return new SubmitSummary(options.Run, cells.GroupBy(c => c.Rig.Name).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static IReadOnlyList<string> Files(IEnumerable<string> entries, string option)
    {
        var files = new List<string>();
        foreach (string entry in entries)
        {
            // MODEL=FILE bindings are not carried to the workers yet: each model takes the one table holding its columns.
            if (Directory.Exists(entry)) files.AddRange(Directory.GetFiles(entry).Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
            else if (File.Exists(entry)) files.Add(entry);
            else throw new HilInputException($"{option}: {entry} does not exist{(entry.Contains('=') ? " (MODEL=FILE bindings are not supported by submit)" : "")}");
        }
        return files;
    }

    private static async Task<IReadOnlyList<(string Path, JobFile File)>> PushAll(ArtifactStore store, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var pushed = new List<(string, JobFile)>();
        foreach (string file in files)
            pushed.Add((Path.GetFullPath(file), new JobFile { Name = Path.GetFileName(file), Sha256 = (await store.PutFileAsync(file, cancellationToken).ConfigureAwait(false)).Sha256 }));
        if (pushed.Select(p => p.Item2.Name).Distinct(StringComparer.Ordinal).Count() != pushed.Count)
            throw new HilInputException("two input tables share a file name; the workers name tables by file name");
        return pushed;
    }
}

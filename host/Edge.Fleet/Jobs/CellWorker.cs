using Edge.Fleet.Runs;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Run;
using Edge.Store;
using Edge.Store.Spool;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Edge.Fleet.Jobs;

/// <summary>
/// What a bench host's worker does with one <see cref="CellJob"/>: reuse a complete measurement with the
/// same inputs key if any host made one, else fetch the inputs by hash, measure the cell with Edge's own
/// harness (<see cref="HilRunner"/>: cell timeout, retries after a reset, the reasons), and spool its result
/// and trace (<see cref="RunArchive.SpoolCell"/>, the bytes a push would write) in the worker's own spool,
/// which <see cref="Uploader"/> sends in the background: a cell measured while the store is down is kept and
/// its job succeeds. A failed cell is a result, not a job failure; an exception (inputs not fetched, wrong
/// host) fails the job and Hangfire tries it once more.
/// </summary>
public sealed class CellWorker
{
    /// <summary>The worker's spool inside its work folder.</summary>
    public const string SpoolFolderName = "spool";

    private readonly ArtifactStore _store;
    private readonly string _workFolder;
    private readonly ILogger _logger;
    private readonly JobStorage? _storage;

    /// <param name="storage">The engine's storage, where spooled cells are noted for `edge hil status` (none: not noted).</param>
    public CellWorker(Rig rig, ArtifactStore store, string workFolder, string name, ILogger logger, JobStorage? storage = null, SpoolRetry? retry = null)
    {
        Rig = rig;
        Name = name;
        _store = store;
        _workFolder = workFolder;
        _logger = logger;
        _storage = storage;
        Uploader = new SpoolUploader(new StoreSpool(Path.Combine(_workFolder, SpoolFolderName)), store, logger, retry);
    }

    /// <summary>Test hook: with this variable set to a folder, the worker writes `NAME.CELL.started` there before measuring and waits for `NAME.go`.</summary>
    public const string PauseVariable = "EDGE_WORKER_PAUSE_DIR";

    /// <summary>The worker of this process (Hangfire calls the static entry point <see cref="RunAsync(CellJob, CancellationToken)"/>).</summary>
    public static CellWorker? Current { get; set; }

    public Rig Rig { get; }

    public string Name { get; }

    /// <summary>Sends the worker's spool to the store; run by <see cref="WorkerHost"/>.</summary>
    public SpoolUploader Uploader { get; }

    /// <summary>The job's one entry point; stable across Edge versions as far as possible (Hangfire names the method).</summary>
    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [1])]
    public static Task RunAsync(CellJob job, CancellationToken cancellationToken) =>
        (Current ?? throw new InvalidOperationException("no worker in this process")).RunCellAsync(job, cancellationToken);

    public async Task<StoredCell> RunCellAsync(CellJob job, CancellationToken cancellationToken)
    {
        if (BenchQueue.For(job.Host) != BenchQueue.For(Rig.Name))
            throw new InvalidOperationException($"cell {job.Cell} is for bench host {job.Host}, this worker serves {Rig.Name}");
        string inputs = Path.Combine(_workFolder, "inputs");
        string model = await Fetch(inputs, job.Edgem ?? job.Onnx, cancellationToken).ConfigureAwait(false);
        if (job.Edgem is not null)
        {
            // The .edgem finds its float reference beside it, by name.
            string onnx = Path.Combine(Path.GetDirectoryName(model)!, Path.GetFileNameWithoutExtension(model) + ".onnx");
            if (!File.Exists(onnx)) await _store.GetFileAsync(job.Onnx.Sha256, onnx, cancellationToken).ConfigureAwait(false);
        }
        var data = new List<string>();
        foreach (var file in job.Data) data.Add(await Fetch(inputs, file, cancellationToken).ConfigureAwait(false));
        var calibration = new List<string>();
        foreach (var file in job.Calibration) calibration.Add(await Fetch(inputs, file, cancellationToken).ConfigureAwait(false));
        await PauseIfAsked(job, cancellationToken).ConfigureAwait(false);

        var plan = Rig.Measurement with
        {
            Inferences = job.Inferences ?? Rig.Measurement.Inferences,
            Warmup = job.Warmup ?? Rig.Measurement.Warmup,
            AccuracyRows = job.AccuracyRows ?? Rig.Measurement.AccuracyRows,
        };
        string runFolder = Path.Combine(_workFolder, "runs", job.Run);
        var reuse = new StoreCellReuse(_store, _logger);
        await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = Rig,
            Models = [model],
            Data = data,
            Calibration = calibration,
            Firmware = [job.Firmware],
            Boards = [job.Board],
            OutputDirectory = runFolder,
            // The folder holds this worker's earlier cells of the run; each call measures one.
            Resume = true,
            Plan = plan,
            Reuse = reuse,
            Logger = _logger,
        }, new NoProgress(), cancellationToken).ConfigureAwait(false);
        StoredCell stored;
        if (reuse.Reused.TryGetValue(job.Cell, out var earlier))
        {
            _logger.LogInformation("Cell {Cell}: measured with the same inputs in run {Run}; reused", job.Cell, earlier.ReusedFrom);
            stored = earlier with { Worker = Name };
            RunArchive.SpoolCellRecord(Uploader.Spool, job.Run, stored);
        }
        else
        {
            var directory = RunDirectory.Existing(runFolder);
            var result = directory.ReadCell(job.Cell) ?? throw new InvalidOperationException($"the harness wrote no result for {job.Cell}");
            // The cell's input hash (Edge.Hil's, the same `edge hil run --store` uses) keys its reuse by any host.
            stored = RunArchive.SpoolCell(Uploader.Spool, job.Run, directory, result, job.Host, worker: Name, measuredKey: result.InputsSha256);
            _logger.LogInformation("Cell {Cell}: {Status}", job.Cell, result.Status);
        }
        // Durable in the spool now: the job may succeed whether or not the store is up.
        if (_storage is not null) SpooledCells.Add(_storage, job.Run, job.Cell);
        Uploader.Wake();
        return stored;
    }

    /// <summary>An input in the worker's cache, under its own name in a folder named by its hash; fetched (and checked) once.</summary>
    private async Task<string> Fetch(string inputs, JobFile file, CancellationToken cancellationToken)
    {
        if (!ContentHash.IsValid(file.Sha256) || file.Name.Length == 0 || file.Name != Path.GetFileName(file.Name))
            throw new InvalidOperationException($"the job names an input badly ('{file.Name}', '{file.Sha256}')");
        string folder = Path.Combine(inputs, file.Sha256);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, file.Name);
        if (!File.Exists(path)) await _store.GetFileAsync(file.Sha256, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private async Task PauseIfAsked(CellJob job, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(PauseVariable) is not { Length: > 0 } folder) return;
        await File.WriteAllTextAsync(Path.Combine(folder, $"{Name}.{job.Cell}.started"), job.Run, cancellationToken).ConfigureAwait(false);
        while (!File.Exists(Path.Combine(folder, Name + ".go"))) await Task.Delay(50, cancellationToken).ConfigureAwait(false);
    }
}

using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Store;
using Edge.Store.Spool;
using Microsoft.Extensions.Logging;

namespace Edge.Fleet.Runs;

/// <summary>How a run with a store ended: the run, and whether everything reached the store.</summary>
/// <param name="Pending">Uploads still in the spool when the run gave up waiting for the store (0: all stored).</param>
/// <param name="Rejected">Uploads the store refused for good, set aside in the spool's `rejected/` (0: none).</param>
public sealed record StoredRunSummary(RunSummary Run, string RunName, int Reused, int Pending, string SpoolFolder, int Rejected = 0);

/// <summary>
/// `edge hil run --store`: Edge.Hil's run, with cells measured before with the same inputs (by this command
/// or by any fleet worker) taken from the store, and every cell sent to the store as it finishes, through a
/// spool in the run folder (`.store-spool/`) drained by a background uploader: a store that goes down
/// mid-run holds nothing up and loses nothing. At the end the run's record (manifest, inputs, converted
/// models) follows, and the command waits up to <c>patience</c> for the spool to empty.
/// </summary>
public static class StoredHilRun
{
    public const string SpoolFolderName = ".store-spool";

    public static async Task<StoredRunSummary> RunAsync(HilRunOptions options, string runName, ArtifactStore store, IRunProgress progress, TimeSpan patience,
        ILogger logger, SpoolRetry? retry = null, CancellationToken cancellationToken = default)
    {
        RunArchive.CheckRunName(runName);
        var spool = new StoreSpool(Path.Combine(options.OutputDirectory, SpoolFolderName));
        var reuse = new StoreCellReuse(store, logger);
        var uploader = new SpoolUploader(spool, store, logger, retry);
        string host = Environment.MachineName;
        RunSummary summary;
        await using (uploader.StartInBackground())
        {
            var spooling = new SpoolingProgress(progress, cell =>
            {
                var directory = RunDirectory.Existing(options.OutputDirectory);
                if (reuse.Reused.TryGetValue(cell.Key, out var earlier)) RunArchive.SpoolCellRecord(spool, runName, earlier);
                else if (directory.ReadCell(cell.Key) is { } result) RunArchive.SpoolCell(spool, runName, directory, result, host, measuredKey: result.InputsSha256);
                uploader.Wake();
            });
            summary = await HilRunner.RunAsync(options with { Reuse = reuse }, spooling, cancellationToken).ConfigureAwait(false);
            RunArchive.SpoolRun(spool, options.OutputDirectory, runName);
        }
        bool drained = await uploader.DrainAsync(patience, cancellationToken).ConfigureAwait(false);
        return new StoredRunSummary(summary, runName, reuse.Reused.Count, drained ? 0 : spool.Pending().Count, spool.Folder, spool.Rejected().Count);
    }

    /// <summary>Sends what a run left in its spool (`edge store push` of the run folder does this first).</summary>
    public static async Task<SpoolUpload?> SendLeftoversAsync(string runFolder, ArtifactStore store, CancellationToken cancellationToken = default)
    {
        string folder = Path.Combine(runFolder, SpoolFolderName);
        return Directory.Exists(folder) ? await new StoreSpool(folder).UploadAsync(store, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Passes progress on, and spools each cell as its result is written (measured, kept or reused).</summary>
    private sealed class SpoolingProgress(IRunProgress inner, Action<MatrixCell> finished) : IRunProgress
    {
        public void Started(RunOverview overview) => inner.Started(overview);

        public void Preparing(string model) => inner.Preparing(model);

        public void CellStarted(MatrixCell cell) => inner.CellStarted(cell);

        public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt) => inner.PhaseChanged(cell, phase, attempt);

        public void Retrying(MatrixCell cell, int failedAttempt, string reason) => inner.Retrying(cell, failedAttempt, reason);

        public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
        {
            // Spooled (durably, locally) before anyone hears the cell is done.
            finished(cell);
            inner.CellFinished(cell, result, resumed);
        }
    }
}

using System.Collections.Concurrent;
using Edge.Hil.Matrix;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Store;

namespace Edge.Fleet.Runs;

/// <summary>
/// Cells measured before with the same inputs (<see cref="CellInputs.Hash"/>), from the store's
/// `measured/HASH.json` records: written by `edge hil run --store` and by every fleet worker, read by both.
/// The result file and trace are fetched into the run folder (checked against their hashes).
/// </summary>
public sealed class StoreCellReuse(ArtifactStore store) : ICellReuse
{
    private readonly ConcurrentDictionary<string, StoredCell> _reused = new(StringComparer.Ordinal);

    /// <summary>The cells taken from the store in this run, with the record they came from (its run in <see cref="StoredCell.ReusedFrom"/>).</summary>
    public IReadOnlyDictionary<string, StoredCell> Reused => _reused;

    public async Task<CellResult?> FindAsync(MatrixCell cell, string inputsSha256, RunDirectory directory, CancellationToken cancellationToken)
    {
        if (await RunArchive.FindMeasuredAsync(store, inputsSha256, cancellationToken).ConfigureAwait(false) is not { } earlier || earlier.Cell != cell.Key) return null;
        await RunArchive.FetchFilesAsync(store, directory, earlier.Files, cancellationToken).ConfigureAwait(false);
        if (directory.ReadCell(cell.Key) is not { } result) return null;
        _reused[cell.Key] = earlier;
        return result;
    }
}

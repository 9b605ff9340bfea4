using System.Collections.Concurrent;
using Edge.Hil.Matrix;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Store;
using Microsoft.Extensions.Logging;

namespace Edge.Fleet.Runs;

/// <summary>
/// Cells measured before with the same inputs (<see cref="CellInputs.Hash"/>), from the store's
/// `measured/HASH.json` records: written by `edge hil run --store` and by every fleet worker, read by both.
/// The result file and trace are fetched into the run folder (checked against their hashes).
/// Reuse saves bench time and nothing more: while the store cannot be reached the cells are measured (and
/// spooled by the caller), so an outage never stops a bench; after the first such miss the store is not asked again.
/// </summary>
public sealed class StoreCellReuse(ArtifactStore store, ILogger? logger = null) : ICellReuse
{
    private readonly ConcurrentDictionary<string, StoredCell> _reused = new(StringComparer.Ordinal);
    private volatile bool _unavailable;

    /// <summary>The cells taken from the store in this run, with the record they came from (its run in <see cref="StoredCell.ReusedFrom"/>).</summary>
    public IReadOnlyDictionary<string, StoredCell> Reused => _reused;

    /// <summary>True once the store could not be reached: the remaining cells were measured without asking it.</summary>
    public bool StoreUnavailable => _unavailable;

    public async Task<CellResult?> FindAsync(MatrixCell cell, string inputsSha256, RunDirectory directory, CancellationToken cancellationToken)
    {
        if (_unavailable) return null;
        StoredCell? earlier;
        try
        {
            earlier = await RunArchive.FindMeasuredAsync(store, inputsSha256, cancellationToken).ConfigureAwait(false);
            if (earlier is null || earlier.Cell != cell.Key) return null;
            await RunArchive.FetchFilesAsync(store, directory, earlier.Files, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException e)
        {
            _unavailable = true;
            logger?.LogWarning("Cells are measured without looking for earlier measurements: {Reason}", e.Message);
            return null;
        }
        if (directory.ReadCell(cell.Key) is not { } result) return null;
        _reused[cell.Key] = earlier;
        return result;
    }
}

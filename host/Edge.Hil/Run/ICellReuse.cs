using Edge.Hil.Matrix;
using Edge.Hil.Results;

namespace Edge.Hil.Run;

/// <summary>
/// Where a run may find a cell already measured elsewhere with the same inputs (<see cref="CellInputs.Hash"/>):
/// the artifact store's `measured/` records, written by `edge hil run --store` and by fleet workers alike.
/// </summary>
public interface ICellReuse
{
    /// <summary>
    /// Writes an earlier complete result of <paramref name="cell"/> with these inputs (its result file and
    /// trace) into <paramref name="directory"/> and returns it; null when there is none.
    /// </summary>
    Task<CellResult?> FindAsync(MatrixCell cell, string inputsSha256, RunDirectory directory, CancellationToken cancellationToken);
}

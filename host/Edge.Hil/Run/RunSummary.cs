using Edge.Hil.Plan;
using Edge.Hil.Results;

namespace Edge.Hil.Run;

/// <summary>How a run ended: every result of the matrix that exists (this and other shards), and this run's counts.</summary>
public sealed record RunSummary(string Directory, IReadOnlyList<CellResult> Results, int Ran, int Kept)
{
    public int Ok => Results.Count(r => r.Status == CellStatus.Ok);

    public int DoesNotFit => Results.Count(r => r.Status == CellStatus.DoesNotFit);

    public int Failed => Results.Count(r => r.Status == CellStatus.Failed);
}

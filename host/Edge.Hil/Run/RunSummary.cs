using Edge.Hil.Plan;
using Edge.Hil.Results;

namespace Edge.Hil.Run;

/// <summary>How a run ended: every result of the matrix that exists (this and other shards), and this run's counts.</summary>
public sealed record RunSummary(string Directory, IReadOnlyList<CellResult> Results, int Ran, int Kept)
{
    /// <summary>Models of this run that could not be prepared (an input problem), each with the reason; their cells are recorded as failed.</summary>
    public IReadOnlyDictionary<string, string> Unprepared { get; init; } = new Dictionary<string, string>();

    public int Ok => Results.Count(r => r.Status == CellStatus.Ok);

    public int DoesNotFit => Results.Count(r => r.Status == CellStatus.DoesNotFit);

    public int Failed => Results.Count(r => r.Status == CellStatus.Failed);
}

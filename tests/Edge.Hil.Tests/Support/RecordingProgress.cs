using System.Collections.Concurrent;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// Records what a run reported; can cancel the run (a killed run) after <paramref name="cells"/> measured cells, or
/// when the next cell reaches <paramref name="killAt"/>.
/// </summary>
public sealed class RecordingProgress(CancellationTokenSource? cancelAfter = null, int cells = int.MaxValue, CellPhase? killAt = null) : IRunProgress
{
    public ConcurrentQueue<string> Events { get; } = new();

    private readonly List<(string Cell, string Status, bool Resumed)> _finished = [];

    /// <summary>The cells finished so far, in the order they finished (a copy: lanes report from several threads).</summary>
    public List<(string Cell, string Status, bool Resumed)> Finished { get { lock (_finished) return [.. _finished]; } }

    public RunOverview? Overview { get; private set; }

    public void Started(RunOverview overview)
    {
        Overview = overview;
        Events.Enqueue($"started {overview.ShardCells} cells, kept {overview.Kept}");
    }

    public void Preparing(string model) => Events.Enqueue("preparing " + model);

    public void CellStarted(MatrixCell cell) => Events.Enqueue("cell " + cell.Key);

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
        Events.Enqueue($"  {CellPhases.Name(phase)} (attempt {attempt})");
        if (killAt == phase && Finished.Count(f => !f.Resumed) >= cells) cancelAfter?.Cancel();
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason) => Events.Enqueue($"  retry after attempt {failedAttempt}: {reason}");

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        int measured;
        lock (_finished)
        {
            _finished.Add((cell.Key, result.Status, resumed));
            measured = _finished.Count(f => !f.Resumed);
        }
        Events.Enqueue($"finished {cell.Key}: {result.Status} {result.Reason}");
        if (killAt is null && !resumed && measured >= cells) cancelAfter?.Cancel();
    }

    public override string ToString() => string.Join("\n", Events);
}

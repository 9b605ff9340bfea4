using System.Diagnostics;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;

namespace Edge.Hil.Benchmarks;

/// <summary>Times each phase of each cell from the run's own progress reports.</summary>
public sealed class PhaseClock : IRunProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private (string Cell, CellPhase Phase, double At)? _open;

    public List<(string Model, CellPhase Phase, double Seconds)> Phases { get; } = [];

    public List<(string Model, double Seconds)> Preparations { get; } = [];

    private double _preparingSince = -1;
    private string? _preparing;

    public void Started(RunOverview overview) => ClosePreparation();

    public void Preparing(string model)
    {
        ClosePreparation();
        _preparing = model;
        _preparingSince = _clock.Elapsed.TotalSeconds;
    }

    public void CellStarted(MatrixCell cell) => _open = null;

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
        Close(cell);
        _open = (cell.Model.Name, phase, _clock.Elapsed.TotalSeconds);
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason) => throw new InvalidOperationException($"{cell.Key} needed a retry: {reason}");

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        if (result.Status != CellStatus.Ok) throw new InvalidOperationException($"{cell.Key}: {result.Status} {result.Reason}");
        Close(cell); // the record phase ends when the result file is written
        _open = null;
    }

    private void Close(MatrixCell cell)
    {
        if (_open is { } open) Phases.Add((open.Cell, open.Phase, _clock.Elapsed.TotalSeconds - open.At));
    }

    private void ClosePreparation()
    {
        if (_preparing is not null) Preparations.Add((_preparing, _clock.Elapsed.TotalSeconds - _preparingSince));
        _preparing = null;
    }
}

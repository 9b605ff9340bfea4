using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;

namespace Edge.Hil.Run;

/// <summary>Reports nothing.</summary>
public sealed class NoProgress : IRunProgress
{
    public static readonly NoProgress Instance = new();

    public void Started(RunOverview overview) { }

    public void Preparing(string model) { }

    public void CellStarted(MatrixCell cell) { }

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt) { }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason) { }

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed) { }
}

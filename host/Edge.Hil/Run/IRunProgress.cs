using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;

namespace Edge.Hil.Run;

/// <summary>
/// What a run reports as it goes: to progress bars, plain log lines, or a test. Positions with
/// monitors of their own are measured at the same time, so the calls come from several threads
/// and the cells of different positions interleave (each cell's own calls stay in order):
/// implementations are thread-safe.
/// </summary>
public interface IRunProgress
{
    void Started(RunOverview overview);

    void Preparing(string model);

    void CellStarted(MatrixCell cell);

    void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt);

    void Retrying(MatrixCell cell, int failedAttempt, string reason);

    /// <summary>The cell's result was written (also for cells --resume kept: <paramref name="resumed"/>).</summary>
    void CellFinished(MatrixCell cell, CellResult result, bool resumed);
}

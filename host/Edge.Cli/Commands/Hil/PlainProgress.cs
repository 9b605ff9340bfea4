using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;

namespace Edge.Cli.Commands.Hil;

/// <summary>Progress as one line per event, for logs, pipes and CI (no terminal).</summary>
internal sealed class PlainProgress(TextWriter output) : IRunProgress
{
    private int _done;
    private int _total;

    public void Started(RunOverview overview)
    {
        _total = overview.ShardCells;
        _done = 0;
        output.WriteLine($"rig {overview.Rig}: {overview.Models} model(s) x {overview.Boards} board(s) x {overview.Firmware.Count} firmware = {overview.MatrixCells} cells" +
                         (overview.ShardCells != overview.MatrixCells ? $", {overview.ShardCells} in this shard" : "") +
                         (overview.Kept > 0 ? $", {overview.Kept} kept from before" : "") + $"; results in {overview.Directory}");
    }

    public void Preparing(string model) => output.WriteLine($"preparing {model}");

    public void CellStarted(MatrixCell cell) => output.WriteLine($"[{_done + 1}/{_total}] {cell}");

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason) => output.WriteLine($"  attempt {failedAttempt} failed: {reason}; resetting and retrying");

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed)
    {
        _done++;
        output.WriteLine(resumed ? $"[{_done}/{_total}] {cell.Key}: kept ({result.Status})" : "  " + HilSummary.Line(result));
    }
}

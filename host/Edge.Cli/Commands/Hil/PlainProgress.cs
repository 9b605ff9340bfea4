using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Run;

namespace Edge.Cli.Commands.Hil;

/// <summary>
/// Progress as one line per event, for logs, pipes and CI (no terminal). Positions measured at the
/// same time report from several threads: each line is written whole and names its cell.
/// </summary>
internal sealed class PlainProgress(TextWriter output) : IRunProgress
{
    private readonly Lock _gate = new();
    private int _started;
    private int _total;

    public void Started(RunOverview overview)
    {
        lock (_gate)
        {
            _total = overview.ShardCells;
            _started = overview.Kept;
            output.WriteLine($"rig {overview.Rig}: {overview.Models} model(s) x {overview.Boards} board(s) x {overview.Firmware.Count} firmware = {overview.MatrixCells} cells" +
                             (overview.ShardCells != overview.MatrixCells ? $", {overview.ShardCells} in this shard" : "") +
                             (overview.Kept > 0 ? $", {overview.Kept} kept from before" : "") + $"; results in {overview.Directory}");
        }
    }

    public void Preparing(string model) => Line($"preparing {model}");

    public void CellStarted(MatrixCell cell)
    {
        lock (_gate) output.WriteLine($"[{++_started}/{_total}] {cell}");
    }

    public void PhaseChanged(MatrixCell cell, CellPhase phase, int attempt)
    {
    }

    public void Retrying(MatrixCell cell, int failedAttempt, string reason) => Line($"  {cell.Key}: attempt {failedAttempt} failed: {reason}; resetting and retrying");

    public void CellFinished(MatrixCell cell, CellResult result, bool resumed) =>
        Line(resumed ? $"{cell.Key}: kept ({result.Status})" : "  " + HilSummary.Line(result));

    private void Line(string text)
    {
        lock (_gate) output.WriteLine(text);
    }
}

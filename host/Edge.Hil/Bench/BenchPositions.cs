using Edge.Hil.Bench.Nucleo;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench;

/// <summary>Opens the position a rig board describes; its log lines name the board (positions run side by side).</summary>
public static class BenchPositions
{
    /// <param name="sharedMonitor">For a simulated board: the simulated monitor it shares with other boards (null: one of its own).</param>
    public static IBenchPosition Open(RigBoard board, MeasurementPlan plan, string scratchFolder, ILogger logger, SimulatedMonitor? sharedMonitor = null)
    {
        var named = new PositionLogger(logger, board.Name);
        return board.Kind == BoardKind.Simulated
            ? new SimulatedPosition(board, scratchFolder, named, sharedMonitor)
            : new NucleoPosition(board, plan, named);
    }
}

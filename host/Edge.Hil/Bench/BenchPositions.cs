using Edge.Hil.Bench.Nucleo;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench;

/// <summary>Opens the position a rig board describes.</summary>
public static class BenchPositions
{
    public static IBenchPosition Open(RigBoard board, MeasurementPlan plan, string scratchFolder, ILogger logger) =>
        board.Kind == BoardKind.Simulated
            ? new SimulatedPosition(board, scratchFolder, logger)
            : new NucleoPosition(board, plan, logger);
}

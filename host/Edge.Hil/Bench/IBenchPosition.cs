using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Power.Session;

namespace Edge.Hil.Bench;

/// <summary>
/// One rig position while a run uses it: flashing firmware, the power monitor and board link,
/// power cycles and resets. A simulated position starts its board and monitor itself; a Nucleo
/// position drives real ports and nanoff.
/// </summary>
public interface IBenchPosition : IAsyncDisposable
{
    RigBoard Board { get; }

    IInferenceTiming Timing { get; }

    /// <summary>The cost model a simulated board follows (at the rig's supply); null for real boards.</summary>
    BoardProfile? CostModel { get; }

    /// <summary>Flashes <paramref name="firmware"/> unless it is what the board runs already ("current": leave it).</summary>
    Task EnsureFirmwareAsync(string firmware, CancellationToken cancellationToken);

    Task<PowerMonitor> OpenMonitorAsync(CancellationToken cancellationToken);

    Task<(BoardClient Client, BoardHello Hello)> ConnectBoardAsync(CancellationToken cancellationToken);

    /// <summary>Switches the target off and on through the monitor and waits until it can answer.</summary>
    Task PowerCycleAsync(PowerMonitor monitor, CancellationToken cancellationToken);

    /// <summary>Between attempts: brings a board that may hang back to its power-on state.</summary>
    Task ResetAsync(CancellationToken cancellationToken);

    /// <summary>Marks an `infer` command in flight (a simulated monitor must not sample past its start meanwhile).</summary>
    IDisposable InferenceCommand();

    /// <summary>The cell reached <paramref name="phase"/> of attempt <paramref name="attempt"/> (a simulated bench injects its faults here).</summary>
    void EnterPhase(CellPhase phase, int attempt);
}

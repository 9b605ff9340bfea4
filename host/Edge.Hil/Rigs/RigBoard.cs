using Edge.Board.Simulation;
using Edge.Power.Backends;
using Edge.Power.Samples;

namespace Edge.Hil.Rigs;

/// <summary>
/// One rig position: a board, how the host reaches it, the monitor measuring its supply, how
/// inferences are timed in the trace, and the memory it offers a model. For a simulated board
/// <see cref="Profile"/> is its cost model; for a Nucleo board <see cref="Link"/> is the board
/// app's UART and <see cref="DeployPort"/> the port <c>nanoff</c> flashes through.
/// </summary>
public sealed record RigBoard(
    string Name,
    BoardKind Kind,
    string Target,
    BoardProfile? Profile,
    string? Link,
    int Baud,
    string? DeployPort,
    double SupplyVolts,
    RigMonitor Monitor,
    RigTrigger Trigger,
    RigBudgets Budgets,
    IReadOnlyDictionary<string, FirmwareImage> Firmware,
    RigSimulation Simulation)
{
    /// <summary>The cost model at this position's supply (the simulated current does not depend on the voltage).</summary>
    public BoardProfile? ProfileAtSupply => Profile is null ? null : Profile with { SupplyVolts = SupplyVolts };

    /// <summary>The monitor model the driver speaks to here (a simulated monitor speaks the STLINK-V3PWR dialect).</summary>
    public PowerMonitorModel MonitorModel => Monitor.Kind == MonitorKind.Lpm01a ? PowerMonitorModel.Lpm01a : PowerMonitorModel.StlinkV3Pwr;

    /// <summary>Why this monitor cannot stream at <paramref name="rate"/> until stopped (a cell's length is not known up front), or null.</summary>
    public string? StreamingProblem(SamplingRate rate) =>
        PowerMonitorBackend.For(MonitorModel).MaxAcquisitionTime(Monitor.Format, rate) is { } limit
            ? $"board '{Name}': the {Monitor.Kind} streams {Monitor.Format} samples at {rate} for at most {limit.TotalSeconds:0.###} s; use monitor.format: binary or a rate of 5k or less"
            : null;
}

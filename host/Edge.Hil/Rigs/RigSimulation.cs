using Edge.Power.Simulation;

namespace Edge.Hil.Rigs;

/// <summary>
/// Faults a simulated bench injects, to see the harness cope: monitor faults (<see cref="SimulatorFaults"/>:
/// drop, garbage, ...) and a board line fault at a phase of the cell; both on the first
/// <see cref="FaultAttempts"/> attempts of every cell (0 = every attempt, so retries cannot help).
/// <see cref="RealTime"/>: the board spends its modelled inference time in real time, as a real
/// board does (to rehearse a bench's schedule); the figures are the same either way.
/// </summary>
public sealed record RigSimulation(SimulatorFaults MonitorFaults, BoardLineFault? BoardFault, int FaultAttempts, bool RealTime = false)
{
    public static RigSimulation None { get; } = new(SimulatorFaults.None, null, 0);

    public bool FaultsOn(int attempt) => FaultAttempts == 0 || attempt <= FaultAttempts;
}

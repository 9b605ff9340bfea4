using Edge.Power.Simulation;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// The simulated monitor's target output, wired to one simulated board at a time (a shared
/// monitor's output is switched to the position that opened it last). Off until the bench's
/// `pwr on`, as a real STLINK-V3PWR's output: a board the monitor does not power is not running,
/// and one switched on boots from its flash.
/// </summary>
public sealed class SimulatedMonitorOutput : ITargetSupply
{
    private volatile bool _on;
    private volatile Func<bool, Task>? _target;

    public bool Powered => _on;

    /// <summary>Wires the output to a board: <paramref name="target"/> is told each switch.</summary>
    public void Connect(Func<bool, Task> target) => _target = target;

    public Task SwitchAsync(bool on, CancellationToken cancellationToken)
    {
        _on = on;
        return _target is { } target ? target(on) : Task.CompletedTask;
    }
}

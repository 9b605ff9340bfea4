namespace Edge.Power.Simulation;

/// <summary>
/// The output a simulated monitor powers its target through, when something else (a simulated
/// board) must see it switch: `pwr on|auto|off` switch it. A real monitor keeps its output's
/// state across host sessions, so a new connection starts from <see cref="Powered"/>.
/// </summary>
public interface ITargetSupply
{
    bool Powered { get; }

    /// <summary>Switches the output; completes when the target has seen it (a board switched on has booted), before the command is acknowledged.</summary>
    Task SwitchAsync(bool on, CancellationToken cancellationToken);
}

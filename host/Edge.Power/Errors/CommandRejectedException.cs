using Edge.Power.Protocol;

namespace Edge.Power.Errors;

/// <summary>The monitor answered `error &lt;command&gt;`, usually with an `Error detail:` line.</summary>
public sealed class CommandRejectedException(string monitor, PowerCommand command, string? detail)
    : PowerMonitorException($"{monitor} rejected '{command.Text}': {detail ?? "no detail given"}.")
{
    public PowerCommand Command { get; } = command;

    public string? Detail { get; } = detail;
}

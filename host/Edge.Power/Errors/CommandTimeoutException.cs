using Edge.Power.Protocol;

namespace Edge.Power.Errors;

/// <summary>No acknowledgement for a command within the timeout (no answer, or only unrelated lines).</summary>
public sealed class CommandTimeoutException(string monitor, PowerCommand command, TimeSpan timeout, IReadOnlyList<string> received)
    : PowerMonitorException(Describe(monitor, command, timeout, received))
{
    public PowerCommand Command { get; } = command;

    public TimeSpan Timeout { get; } = timeout;

    private static string Describe(string monitor, PowerCommand command, TimeSpan timeout, IReadOnlyList<string> received)
    {
        string heard = received.Count == 0
            ? "nothing came back"
            : $"it sent only {received.Count} unrelated line(s), last '{Shorten(received[^1])}'";
        return $"{monitor} did not acknowledge '{command.Text}' within {timeout.TotalSeconds:0.###} s: {heard}. " +
               "Check that the monitor is powered, that this is its power-monitor port, and that no other program holds it.";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

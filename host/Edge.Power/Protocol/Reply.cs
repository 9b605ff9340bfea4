namespace Edge.Power.Protocol;

/// <summary>
/// A monitor's positive answer to a command: <see cref="Values"/> are the tokens after the echoed
/// command (`ack volt get 3300-03` → `3300-03`), <see cref="Lines"/> every line of the reply block.
/// </summary>
public sealed record Reply(PowerCommand Command, IReadOnlyList<string> Values, IReadOnlyList<string> Lines)
{
    /// <summary>The last value, or null when the ack carried none.</summary>
    public string? LastValue => Values.Count > 0 ? Values[^1] : null;
}

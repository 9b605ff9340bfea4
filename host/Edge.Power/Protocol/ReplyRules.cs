namespace Edge.Power.Protocol;

/// <summary>How a dialect frames its replies; the backends provide one.</summary>
public sealed record ReplyRules(
    bool BlankLineEndsReply,
    IReadOnlyDictionary<string, string[]> AckAliases)
{
    /// <summary>Whether an ack naming <paramref name="echoed"/> answers <paramref name="command"/>.</summary>
    public bool Acknowledges(PowerCommand command, string echoed) =>
        string.Equals(echoed, command.Verb, StringComparison.OrdinalIgnoreCase)
        || (AckAliases.TryGetValue(command.Verb, out var aliases) && aliases.Contains(echoed, StringComparer.OrdinalIgnoreCase));
}

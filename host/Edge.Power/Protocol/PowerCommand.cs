namespace Edge.Power.Protocol;

/// <summary>
/// One line of the monitor's command language, as sent (without terminator). <see cref="Retryable"/>
/// says whether sending it twice is harmless, so a lost or garbled reply may be retried.
/// </summary>
public sealed record PowerCommand(string Text, bool Retryable = true)
{
    public string[] Tokens { get; } = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The first word, which `ack` and `error` lines echo.</summary>
    public string Verb => Tokens.Length > 0 ? Tokens[0] : "";

    public override string ToString() => Text;
}

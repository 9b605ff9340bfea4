namespace Edge.Power.Protocol;

/// <summary>One received line, prompt and line ending removed, classified.</summary>
internal readonly record struct ReplyLine(ReplyLineKind Kind, string Text, string[] Tokens)
{
    public const string Prompt = "PowerShield >";

    public static ReplyLine Parse(string raw)
    {
        string text = raw.TrimEnd('\r', '\n').Trim('\0');
        // LPM01A prefixes everything with `PowerShield > `; residue can repeat it.
        while (text.StartsWith(Prompt, StringComparison.Ordinal)) text = text[Prompt.Length..].TrimStart();
        text = text.Trim();
        string[] tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        ReplyLineKind kind = text.Length == 0 ? ReplyLineKind.Blank
            : text.StartsWith("Error detail:", StringComparison.OrdinalIgnoreCase) ? ReplyLineKind.ErrorDetail
            : tokens[0] == "ack" ? ReplyLineKind.Ack
            : tokens[0] is "error" or "err" ? ReplyLineKind.Error
            : text.StartsWith("Command unknown", StringComparison.OrdinalIgnoreCase) ? ReplyLineKind.Unreadable
            : ReplyLineKind.Other;
        return new ReplyLine(kind, text, tokens);
    }

    /// <summary>The tokens after `ack`/`error`.</summary>
    public ReadOnlySpan<string> Arguments => Tokens.AsSpan(Math.Min(1, Tokens.Length));
}

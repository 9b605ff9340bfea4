namespace Edge.Power.Protocol;

/// <summary>
/// Collects the lines that answer one command (hil-stlink-v3pwr.md §1.3): an `ack &lt;cmd&gt;` or
/// `error &lt;cmd&gt;` line echoing the command, for errors an `Error detail:` line, and on the V3PWR a
/// blank line closing the block. Lines that answer something else (a stale ack from an earlier
/// command, samples of an acquisition that was still running, banners) are set aside, not mistaken
/// for the answer.
/// </summary>
internal sealed class ReplyAssembler(PowerCommand command, ReplyRules rules)
{
    private readonly List<string> lines = [];
    private readonly List<string> ignored = [];
    private string[]? values;
    private string? errorLine;

    public PowerCommand Command { get; } = command;

    public ReplyStatus Status { get; private set; } = ReplyStatus.Waiting;

    /// <summary>`error &lt;cmd&gt;` was received: the monitor rejected the command.</summary>
    public bool Rejected => errorLine is not null;

    /// <summary>The monitor answered `Command unknown`: it did not read the line we sent.</summary>
    public bool Unreadable { get; private set; }

    public string? ErrorDetail { get; private set; }

    /// <summary>Lines received that were not part of this reply (for logs and error messages).</summary>
    public IReadOnlyList<string> IgnoredLines => ignored;

    public ReplyStatus Add(string raw)
    {
        var line = ReplyLine.Parse(raw);
        switch (line.Kind)
        {
            case ReplyLineKind.Blank:
                if (Status == ReplyStatus.Answered && rules.BlankLineEndsReply) Status = ReplyStatus.Complete;
                break;
            case ReplyLineKind.Ack when Status == ReplyStatus.Waiting && line.Tokens.Length > 1 && rules.Acknowledges(Command, line.Tokens[1]):
                lines.Add(line.Text);
                values = ValuesAfterEcho(line.Arguments);
                Status = rules.BlankLineEndsReply ? ReplyStatus.Answered : ReplyStatus.Complete;
                break;
            case ReplyLineKind.Error when Status == ReplyStatus.Waiting && line.Tokens.Length > 1 && rules.Acknowledges(Command, line.Tokens[1]):
                lines.Add(line.Text);
                errorLine = line.Text;
                Status = ReplyStatus.Answered;
                break;
            case ReplyLineKind.ErrorDetail when Rejected && ErrorDetail is null:
                lines.Add(line.Text);
                ErrorDetail = line.Text["Error detail:".Length..].Trim();
                if (!rules.BlankLineEndsReply) Status = ReplyStatus.Complete;
                break;
            case ReplyLineKind.Unreadable when Status == ReplyStatus.Waiting:
                Unreadable = true;
                ignored.Add(line.Text);
                break;
            default:
                if (Status == ReplyStatus.Answered && line.Kind == ReplyLineKind.Other) lines.Add(line.Text);
                else if (line.Text.Length > 0) ignored.Add(line.Text);
                break;
        }
        return Status;
    }

    /// <summary>The answer once acked (also when the closing blank line never came).</summary>
    public Reply? ToReply() => values is null ? null : new Reply(Command, values, lines.ToArray());

    /// <summary>The tokens after the echoed command; if the echo differs (an alias), those after its first word.</summary>
    private string[] ValuesAfterEcho(ReadOnlySpan<string> echoed)
    {
        int matched = 0;
        while (matched < Command.Tokens.Length && matched < echoed.Length
               && string.Equals(echoed[matched], Command.Tokens[matched], StringComparison.OrdinalIgnoreCase)) matched++;
        return echoed[Math.Max(matched, 1)..].ToArray();
    }
}

using System.Globalization;
using Edge.Common;
using Edge.Common.Text;

namespace Edge.Power.Simulation;

/// <summary>
/// Faults the simulator injects on request. Times are seconds into an acquisition (sample time),
/// and each fault fires once per connection.
/// Text form (comma-separated, for `edge pwr sim --faults`):
/// `garbage@0.5s`, `garbage@0.5s*64` (bytes), `drop@1s`, `overcurrent@1.5s`, `overflow@1s`, `no-answer:volt`,
/// `no-answer:volt*3` (times), `no-answer` (every command, for good), `stale-stream`, `residue`.
/// </summary>
public sealed record SimulatorFaults
{
    public static SimulatorFaults None { get; } = new();

    /// <summary>Random bytes inserted into the sample stream at this time.</summary>
    public double? GarbageAtSeconds { get; init; }

    public int GarbageBytes { get; init; } = 32;

    /// <summary>The connection is dropped (TCP closed, pty hung up: the cable pulled) at this time.</summary>
    public double? DropAtSeconds { get; init; }

    /// <summary>An overcurrent is reported at this time; the monitor then cuts the target's supply and ends the acquisition.</summary>
    public double? OvercurrentAtSeconds { get; init; }

    /// <summary>
    /// The monitor's sample buffer overflows at this time: the next device timestamp carries the
    /// overflow bit (binary stream: the F3 frame's most significant bit; ASCII `TimeStamp:` lines
    /// have no such flag). The samples themselves still all arrive.
    /// </summary>
    public double? OverflowAtSeconds { get; init; }

    /// <summary>Commands with this verb go unanswered (<see cref="NoAnswerTimes"/> times); "*" = every command.</summary>
    public string? NoAnswerTo { get; init; }

    /// <summary>How many times; 0 = always.</summary>
    public int NoAnswerTimes { get; init; } = 1;

    /// <summary>An acquisition from an "earlier session" is already streaming when the client connects.</summary>
    public bool StaleStreamOnConnect { get; init; }

    /// <summary>A banner and half a reply wait in the line when the client connects.</summary>
    public bool ResidueOnConnect { get; init; }

    public bool Any => GarbageAtSeconds is not null || DropAtSeconds is not null || OvercurrentAtSeconds is not null
                       || OverflowAtSeconds is not null || NoAnswerTo is not null || StaleStreamOnConnect || ResidueOnConnect;

    public static SimulatorFaults Parse(string? text)
    {
        var faults = None;
        if (string.IsNullOrWhiteSpace(text)) return faults;
        foreach (string raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string item = raw.ToLowerInvariant();
            (string head, int? count) = SplitCount(item);
            if (head == "stale-stream") faults = faults with { StaleStreamOnConnect = true };
            else if (head == "residue") faults = faults with { ResidueOnConnect = true };
            else if (head == "no-answer") faults = faults with { NoAnswerTo = "*", NoAnswerTimes = count ?? 0 };
            else if (head.StartsWith("no-answer:", StringComparison.Ordinal))
                faults = faults with { NoAnswerTo = head["no-answer:".Length..], NoAnswerTimes = count ?? 1 };
            else if (TryTimed(head, "garbage", out double at)) faults = faults with { GarbageAtSeconds = at, GarbageBytes = count ?? 32 };
            else if (TryTimed(head, "drop", out at)) faults = faults with { DropAtSeconds = at };
            else if (TryTimed(head, "overcurrent", out at)) faults = faults with { OvercurrentAtSeconds = at };
            else if (TryTimed(head, "overflow", out at)) faults = faults with { OverflowAtSeconds = at };
            else
                throw new SettingException($"unknown fault '{raw}'; use garbage@TIME[*BYTES], drop@TIME, overcurrent@TIME, overflow@TIME, no-answer[:COMMAND][*TIMES], stale-stream, residue (TIME like 500ms or 2s)");
        }
        return faults;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (GarbageAtSeconds is { } g) parts.Add($"garbage@{Time(g)}*{GarbageBytes}");
        if (DropAtSeconds is { } d) parts.Add($"drop@{Time(d)}");
        if (OvercurrentAtSeconds is { } o) parts.Add($"overcurrent@{Time(o)}");
        if (OverflowAtSeconds is { } f) parts.Add($"overflow@{Time(f)}");
        if (NoAnswerTo is { } n) parts.Add(n == "*" ? $"no-answer*{NoAnswerTimes}" : $"no-answer:{n}*{NoAnswerTimes}");
        if (StaleStreamOnConnect) parts.Add("stale-stream");
        if (ResidueOnConnect) parts.Add("residue");
        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }

    private static (string Head, int? Count) SplitCount(string item)
    {
        int star = item.LastIndexOf('*');
        if (star < 0) return (item, null);
        if (!int.TryParse(item[(star + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new SettingException($"fault '{item}': the count after '*' must be a whole number");
        return (item[..star], count);
    }

    private static bool TryTimed(string item, string name, out double seconds)
    {
        seconds = 0;
        if (!item.StartsWith(name + "@", StringComparison.Ordinal)) return false;
        string time = item[(name.Length + 1)..];
        if (!Duration.TryParse(time, out var duration))
            throw new SettingException($"fault '{item}': '{time}' is not a time into the acquisition; write {Duration.Syntax}");
        seconds = duration.TotalSeconds;
        return true;
    }

    private static string Time(double seconds) => Duration.Format(TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond)));
}

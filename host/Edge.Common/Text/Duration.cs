using System.Globalization;

namespace Edge.Common.Text;

/// <summary>
/// Durations as people write them, in the one syntax of every option, rig file and bridge
/// configuration: a number and a unit, <c>100us</c>, <c>500ms</c>, <c>2s</c>, <c>1.5s</c>,
/// <c>90s</c>, <c>5m</c> (minutes), <c>1h</c>. A bare number is refused: whether it meant seconds
/// or milliseconds is exactly the mistake the unit prevents. No sign: a duration is never negative.
/// </summary>
public static class Duration
{
    /// <summary>How to write one, for error messages.</summary>
    public const string Syntax = "a number and a unit, e.g. 500ms, 2s, 90s, 5m or 1h (units us, ms, s, m, h)";

    // Longest suffix first, so "ms" is not read as "m" + "s" and "us" not as "s".
    private static readonly (string Suffix, long TicksPerUnit)[] Units =
    [
        ("us", TimeSpan.TicksPerMicrosecond),
        ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond),
        ("m", TimeSpan.TicksPerMinute),
        ("h", TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string t = text.Trim().ToLowerInvariant();
        foreach (var (suffix, ticksPerUnit) in Units)
        {
            if (!t.EndsWith(suffix, StringComparison.Ordinal)) continue;
            string number = t[..^suffix.Length];
            // decimal, not double: "0.1s" is exactly 1,000,000 ticks.
            if (number.Length == 0 || !char.IsAsciiDigit(number[^1])
                || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
                return false;
            if (amount > TimeSpan.MaxValue.Ticks / ticksPerUnit) return false;
            decimal ticks = Math.Round(amount * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks) return false;
            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        return false;
    }

    /// <summary>The exact value in the largest unit that makes it a whole number (<c>10m</c>, <c>90s</c>, <c>1500ms</c>), in the same syntax, so it parses back to the same value.</summary>
    public static string Format(TimeSpan duration)
    {
        long ticks = duration.Ticks;
        if (ticks < 0) throw new ArgumentOutOfRangeException(nameof(duration), "a duration is never negative");
        if (ticks == 0) return "0s";
        for (int i = Units.Length - 1; i >= 0; i--)
            if (ticks % Units[i].TicksPerUnit == 0)
                return (ticks / Units[i].TicksPerUnit).ToString(CultureInfo.InvariantCulture) + Units[i].Suffix;
        // Finer than a microsecond: seconds with as many decimals as the ticks need.
        return (ticks / (decimal)TimeSpan.TicksPerSecond).ToString("0.#######", CultureInfo.InvariantCulture) + "s";
    }
}

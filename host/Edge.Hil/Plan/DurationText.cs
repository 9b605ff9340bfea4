using System.Globalization;

namespace Edge.Hil.Plan;

/// <summary>Durations as people write them in rig files and options: `20ms`, `2s`, `1.5s`, `100us`, `10m` (minutes).</summary>
public static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string t = text.Trim().ToLowerInvariant();
        (string number, double seconds) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 1e-3)
            : t.EndsWith("us", StringComparison.Ordinal) ? (t[..^2], 1e-6)
            : t.EndsWith("min", StringComparison.Ordinal) ? (t[..^3], 60.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value < 0) return false;
        duration = TimeSpan.FromSeconds(value * seconds);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds >= 1
            ? duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
            : duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}

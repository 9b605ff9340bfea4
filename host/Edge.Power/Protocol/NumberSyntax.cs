using System.Globalization;

namespace Edge.Power.Protocol;

/// <summary>
/// The monitors' numeric arguments: plain digits, a unit suffix `u`, `m`, `k` (`3300m`, `100k`),
/// or a power of ten (`2-3` = 2·10⁻³). Reference: UM2269 via hil-stlink-v3pwr.md §1.4.
/// </summary>
public static class NumberSyntax
{
    /// <summary>`3.3` → `3300m`: ST's and minuteOS's drivers send volts as milli-units.</summary>
    public static string Milli(double value) =>
        Math.Round(value * 1000).ToString("0", CultureInfo.InvariantCulture) + "m";

    /// <summary>A duration in the coarsest exact unit: 2 s → `2`, 0.5 s → `500m`, 100 µs → `100u`.</summary>
    public static string Seconds(TimeSpan duration)
    {
        long micros = duration.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        if (micros < 0) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration sent to the monitor cannot be negative.");
        if (micros == 0) return "0";
        if (micros % 1_000_000 == 0) return (micros / 1_000_000).ToString(CultureInfo.InvariantCulture);
        if (micros % 1_000 == 0) return (micros / 1_000).ToString(CultureInfo.InvariantCulture) + "m";
        return micros.ToString(CultureInfo.InvariantCulture) + "u";
    }

    /// <summary>Parses every form the monitors accept; false for anything else (`inf` is the caller's).</summary>
    public static bool TryParse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string t = text.Trim();
        double scale = 1;
        switch (t[^1])
        {
            case 'n': scale = 1e-9; t = t[..^1]; break;
            case 'u': scale = 1e-6; t = t[..^1]; break;
            case 'm': scale = 1e-3; t = t[..^1]; break;
            case 'k': scale = 1e3; t = t[..^1]; break;
        }
        int signAt = t.LastIndexOfAny(['-', '+']);
        if (signAt > 0 && scale == 1)
        {
            if (!int.TryParse(t[(signAt + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int exponent)) return false;
            scale = Math.Pow(10, t[signAt] == '-' ? -exponent : exponent);
            t = t[..signAt];
        }
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double mantissa)) return false;
        value = mantissa * scale;
        return true;
    }
}

using System.Globalization;

namespace Edge.Power.Samples;

/// <summary>
/// A sampling frequency the monitors accept (`freq`): the fixed list 1 Hz .. 100 kHz that both
/// the X-NUCLEO-LPM01A and the STLINK-V3PWR validate.
/// </summary>
public readonly record struct SamplingRate
{
    private static readonly int[] SupportedHertz =
        [100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1];

    private SamplingRate(int hertz) => Hertz = hertz;

    public int Hertz { get; }

    public double IntervalSeconds => 1.0 / Hertz;

    public static SamplingRate Hz100k => new(100_000);

    public static SamplingRate Hz1k => new(1_000);

    public static IReadOnlyList<SamplingRate> Supported { get; } = Array.ConvertAll(SupportedHertz, h => new SamplingRate(h));

    public static SamplingRate FromHertz(int hertz) =>
        Array.IndexOf(SupportedHertz, hertz) >= 0
            ? new SamplingRate(hertz)
            : throw new ArgumentOutOfRangeException(nameof(hertz), hertz, $"{hertz} Hz is not a sampling rate the monitor accepts; use one of {SupportedList()}.");

    /// <summary>Parses `100k`, `100000`, `1k`, `500` (the monitor's own spelling, also used on the command line).</summary>
    public static bool TryParse(string? text, out SamplingRate rate)
    {
        rate = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string t = text.Trim().ToLowerInvariant();
        if (t.EndsWith("hz", StringComparison.Ordinal)) t = t[..^2];
        int multiplier = 1;
        if (t.EndsWith('k'))
        {
            multiplier = 1000;
            t = t[..^1];
        }
        if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int value)) return false;
        long hertz = (long)value * multiplier;
        if (hertz > int.MaxValue || Array.IndexOf(SupportedHertz, (int)hertz) < 0) return false;
        rate = new SamplingRate((int)hertz);
        return true;
    }

    public static SamplingRate Parse(string text) =>
        TryParse(text, out var rate)
            ? rate
            : throw new FormatException($"'{text}' is not a sampling rate the monitor accepts; use one of {SupportedList()}.");

    /// <summary>The argument of `freq`: `100k`, `500`.</summary>
    public string ToProtocolString() =>
        Hertz >= 1000 ? (Hertz / 1000).ToString(CultureInfo.InvariantCulture) + "k" : Hertz.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => ToProtocolString() + "Hz";

    private static string SupportedList() => string.Join(", ", Array.ConvertAll(SupportedHertz, h => new SamplingRate(h).ToProtocolString()));
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Edge.Power.Acquisition;

/// <summary>The non-sample lines of the ASCII stream, prompt already removed.</summary>
internal static partial class AsciiStatusLine
{
    private static readonly string[] ControlPrefixes =
        ["ack ", "error ", "err ", "Error detail:", "summary", "pwr ", "Command unknown", "PowerShield", "STLINK"];

    /// <summary>`TimeStamp: 001s 000ms, buff 00%` (the separator after the colon may be ` `, `&gt;` or `&lt;`).</summary>
    public static bool TryParseTimestamp(string line, out long milliseconds, out int bufferPercent)
    {
        milliseconds = 0;
        bufferPercent = 0;
        var match = TimestampPattern().Match(line);
        if (!match.Success) return false;
        milliseconds = long.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) * 1000
                       + int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        bufferPercent = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>`event 07 ris`: an edge on the LPM01A event input, with the device's counter.</summary>
    public static bool TryParseEvent(string line, out int counter, out string edge)
    {
        counter = 0;
        edge = "";
        var match = EventPattern().Match(line);
        if (!match.Success) return false;
        counter = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        edge = match.Groups[2].Value;
        return true;
    }

    public static bool IsEndOfAcquisition(string line) =>
        line == "end" || line.StartsWith("Acquisition completed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Assumed wording: no capture of an ASCII overcurrent report was found, so any line naming it counts.</summary>
    public static bool IsOvercurrent(string line) => line.Contains("overcurrent", StringComparison.OrdinalIgnoreCase);

    public static bool IsControlLine(string line)
    {
        foreach (string prefix in ControlPrefixes)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    [GeneratedRegex(@"^TimeStamp:[ ><](\d{1,6})s (\d{3})ms, buff (\d{1,3})%$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^event (\d{1,4}) (ris|fal)$", RegexOptions.CultureInvariant)]
    private static partial Regex EventPattern();
}

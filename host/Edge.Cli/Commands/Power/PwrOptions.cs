using System.CommandLine;
using System.Globalization;
using Edge.Power.Backends;
using Edge.Power.Errors;

namespace Edge.Cli.Commands.Power;

/// <summary>Options and conversions the `edge pwr` commands share, and their one way of failing.</summary>
internal static class PwrOptions
{
    public static Option<string> Port() => new("--port", "-p")
    {
        Description = "The monitor: a serial device (/dev/ttyACM1, COM5, the simulator's /dev/pts/N) or tcp://HOST:PORT.",
        Required = true,
    };

    public static Option<string> Model() => new Option<string>("--model", "-m")
    {
        Description = "Which monitor: v3pwr (STLINK-V3PWR) or lpm01a (X-NUCLEO-LPM01A).",
        DefaultValueFactory = _ => "v3pwr",
    }.AcceptOnlyFromAmong("v3pwr", "lpm01a");

    public static PowerMonitorModel ToModel(string? text) =>
        text == "lpm01a" ? PowerMonitorModel.Lpm01a : PowerMonitorModel.StlinkV3Pwr;

    /// <summary>`2s`, `500ms`, `100us`, `2` (seconds); `inf` gives null.</summary>
    public static TimeSpan? ParseDuration(string text, string option)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t is "inf" or "infinite") return null;
        (string number, double scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 1e-3)
            : t.EndsWith("us", StringComparison.Ordinal) ? (t[..^2], 1e-6)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value <= 0)
            throw new UserFacingException($"{option} '{text}' is not a duration; write e.g. 2s, 500ms or inf.", ExitCode.Usage);
        return TimeSpan.FromSeconds(value * scale);
    }

    /// <summary>Runs an async body; monitor errors become one `error:` line and exit code 20.</summary>
    public static ExitCode Run(Func<Task<ExitCode>> body)
    {
        try
        {
            return body().GetAwaiter().GetResult();
        }
        catch (PowerMonitorException e)
        {
            throw new UserFacingException(e.Message, ExitCode.DeviceError, e);
        }
        catch (FormatException e)
        {
            throw new UserFacingException(e.Message, ExitCode.Usage, e);
        }
    }
}

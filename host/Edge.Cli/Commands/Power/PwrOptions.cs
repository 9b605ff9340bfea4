using System.CommandLine;
using Edge.Power.Backends;

namespace Edge.Cli.Commands.Power;

/// <summary>Options and conversions the `edge pwr` commands share.</summary>
internal static class PwrOptions
{
    public static Option<string> Port() => new("--port", "-p")
    {
        Description = "The monitor: a serial device (/dev/ttyACM1, COM5, the simulator's /dev/pts/N) or tcp://HOST:PORT.",
        Required = true,
    };

    // Long name only: -m is the ML model everywhere else in edge.
    public static Option<string> Model() => new Option<string>("--model")
    {
        Description = "Which monitor: v3pwr (STLINK-V3PWR) or lpm01a (X-NUCLEO-LPM01A).",
        DefaultValueFactory = _ => "v3pwr",
    }.AcceptOnlyFromAmong("v3pwr", "lpm01a");

    public static PowerMonitorModel ToModel(string? text) =>
        text == "lpm01a" ? PowerMonitorModel.Lpm01a : PowerMonitorModel.StlinkV3Pwr;
}

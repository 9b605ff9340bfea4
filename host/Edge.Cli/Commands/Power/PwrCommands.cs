using System.CommandLine;

namespace Edge.Cli.Commands.Power;

/// <summary>`edge pwr`: the power monitor (STLINK-V3PWR, X-NUCLEO-LPM01A) and its simulator.</summary>
public static class PwrCommands
{
    public static Command Build()
    {
        var pwr = new Command("pwr",
            "Measure a target's current and energy with an STLINK-V3PWR or X-NUCLEO-LPM01A, or run a simulated monitor.\n\n" +
            "Examples:\n" +
            "  edge pwr sim --pty\n" +
            "  edge pwr measure --port /dev/ttyACM1 --volt 3.3 --freq 100k --time 2s\n" +
            "  edge pwr info --port tcp://127.0.0.1:5025");
        pwr.Subcommands.Add(PwrSimCommand.Build());
        pwr.Subcommands.Add(PwrMeasureCommand.Build());
        pwr.Subcommands.Add(PwrInfoCommand.Build());
        return pwr;
    }
}

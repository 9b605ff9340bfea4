using System.CommandLine;
using Edge.Power.Session;

namespace Edge.Cli.Commands.Power;

/// <summary>`edge pwr info`: who the monitor is and how warm.</summary>
internal static class PwrInfoCommand
{
    public static Command Build()
    {
        var port = PwrOptions.Port();
        var model = PwrOptions.Model();
        var command = new Command("info",
            "Open the monitor, print its model, board id, firmware version and temperature.\n\n" +
            "Examples:\n" +
            "  edge pwr info --port /dev/ttyACM1\n" +
            "  edge pwr info --port tcp://127.0.0.1:5025 --model lpm01a")
        {
            port,
            model,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var options = new PowerMonitorOptions { Model = PwrOptions.ToModel(parse.GetValue(model)) };
            await using var monitor = await PowerMonitor.OpenAsync(parse.GetValue(port)!, options, cancellationToken);
            double celsius = await monitor.ReadTemperatureAsync();
            io.Out.WriteLine($"{monitor.Identity} at {monitor.Address}");
            io.Out.WriteLine($"temperature {celsius:0.#} °C");
            return ExitCode.Ok;
        });
        return command;
    }
}

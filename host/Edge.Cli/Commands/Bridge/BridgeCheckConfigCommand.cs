using System.CommandLine;
using Edge.PlcBridge.Output;

namespace Edge.Cli.Commands.Bridge;

/// <summary>`edge bridge check-config`: validates a configuration and prints the memory map.</summary>
internal static class BridgeCheckConfigCommand
{
    public static Command Build()
    {
        var config = BridgeOptions.Config();
        var command = new Command("check-config",
            "Checks a bridge configuration the way `edge bridge run` does, without starting anything, and prints the settings " +
            "and the memory map: for each board its slot, index group, offset and size, and the offset of every member of ST_EdgeBoard. " +
            "Exits 3 with the file, line and key of the first mistake.\n\n" +
            "Examples:\n" +
            "  edge bridge check-config --config bridge.yaml\n" +
            "  edge bridge check-config -c /etc/edge/bridge.yaml")
        {
            config,
        };
        command.SetHandler((parse, io) =>
        {
            ConfigReport.Write(io.Out, BridgeOptions.Load(parse.GetValue(config)!));
            return ExitCode.Ok;
        });
        return command;
    }
}

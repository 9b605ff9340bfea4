using System.CommandLine;

namespace Edge.Cli.Commands.Bridge;

/// <summary>`edge bridge`: board metrics as ADS symbols for TwinCAT PLCs, and as Prometheus metrics.</summary>
public static class BridgeCommands
{
    public static Command Build()
    {
        var bridge = new Command("bridge",
            "Serve the boards' drift alarm, anomaly rate and per-feature drift to TwinCAT PLCs over ADS " +
            "(a STRUCT per board, in a fixed memory map) and to Prometheus: the PLC bridge.\n\n" +
            "Examples:\n" +
            "  edge bridge check-config --config bridge.yaml\n" +
            "  edge bridge plc-types --config bridge.yaml -o ST_EdgeBoard.st\n" +
            "  edge bridge run --config bridge.yaml");
        bridge.Subcommands.Add(BridgeRunCommand.Build());
        bridge.Subcommands.Add(BridgePlcTypesCommand.Build());
        bridge.Subcommands.Add(BridgeCheckConfigCommand.Build());
        return bridge;
    }
}

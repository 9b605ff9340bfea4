using System.CommandLine;

namespace Edge.Cli.Commands.Drift;

/// <summary>`edge drift`: reference profiles and replay through the board's drift code.</summary>
public static class DriftCommand
{
    public static Command Create()
    {
        var command = new Command("drift", "Drift monitoring: build a reference profile for the board, replay data through the board's drift detector.");
        command.Add(DriftProfileCommand.Create());
        command.Add(DriftReplayCommand.Create());
        return command;
    }
}

using System.CommandLine;

namespace Edge.Cli.Commands.Drift;

/// <summary>`edge drift`: reference profiles and replay through the board's drift code.</summary>
public static class DriftCommand
{
    public static Command Create()
    {
        var command = new Command("drift", "Build drift reference profiles for the board, replay data through its drift detector and draw the result as an HTML report.");
        command.Add(DriftProfileCommand.Create());
        command.Add(DriftReplayCommand.Create());
        command.Add(DriftReportCommand.Create());
        return command;
    }
}

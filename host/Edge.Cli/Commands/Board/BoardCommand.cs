using System.CommandLine;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board`: a board over its link, real or simulated.</summary>
public static class BoardCommand
{
    public static Command Create()
    {
        var command = new Command("board", "Talk to a board over its link (UART or TCP) or run a simulated one (info, upload, stream, infer, capture, sim).");
        command.Add(BoardSimCommand.Create());
        command.Add(BoardInfoCommand.Create());
        command.Add(BoardUploadCommand.Create());
        command.Add(BoardStreamCommand.Create());
        command.Add(BoardInferCommand.Create());
        command.Add(BoardCaptureCommand.Create());
        return command;
    }
}

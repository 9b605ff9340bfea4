using System.CommandLine;

namespace Edge.Cli.Commands.Model;

/// <summary>`edge model`: int8 models for the board (convert, verify, inspect).</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Convert ONNX models to int8 .edgem files for the board, verify them against ONNX Runtime, and inspect them.");
        command.Subcommands.Add(ConvertCommand.Create());
        command.Subcommands.Add(VerifyCommand.Create());
        command.Subcommands.Add(InspectCommand.Create());
        return command;
    }
}

using Edge.Common.Files;
using System.CommandLine;
using System.Text;
using Edge.PlcBridge.Output;

namespace Edge.Cli.Commands.Bridge;

/// <summary>`edge bridge plc-types`: the TwinCAT DUT matching what the bridge serves.</summary>
internal static class BridgePlcTypesCommand
{
    public static Command Build()
    {
        var config = BridgeOptions.Config();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("plc-types",
            "Writes the TwinCAT declaration of ST_EdgeBoard (Structured Text, offsets in comments) from the same type the bridge " +
            "serves, for the configuration's feature count, with the ADSREAD parameters of each board in a comment. Paste it into " +
            "a DUT named ST_EdgeBoard (plc-bridge/twincat/README.md). Regenerate it whenever 'features' changes.\n\n" +
            "Examples:\n" +
            "  edge bridge plc-types --config bridge.yaml\n" +
            "  edge bridge plc-types -c bridge.yaml -o ST_EdgeBoard.st")
        {
            config, output,
        };
        command.SetHandler((parse, io) =>
        {
            string text = PlcTypesFile.Write(BridgeOptions.Load(parse.GetValue(config)!));
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.Write(file.FullName, Encoding.UTF8.GetBytes(text));
                io.Error.WriteLine($"wrote {file.FullName}");
            }
            else
            {
                io.Out.Write(text);
            }
            return ExitCode.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Edge.Cli.Commands.Board;
using Edge.Cli.Commands.Bridge;
using Edge.Cli.Commands.Demo;
using Edge.Cli.Commands.Drift;
using Edge.Cli.Commands.Hil;
using Edge.Cli.Commands.Model;
using Edge.Cli.Commands.Power;

namespace Edge.Cli;

/// <summary>The `edge` command tree. Each area adds its commands from Commands/&lt;Area&gt;/.</summary>
public static class EdgeCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Edge: int8 fault detectors and drift monitoring on STM32 boards, their metrics in TwinCAT over ADS, and a hardware-in-the-loop energy bench.");
        root.Add(DemoCommand.Create());
        root.Add(DriftCommand.Create());
        root.Add(PwrCommands.Build());
        root.Add(BridgeCommands.Build());
        root.Add(BoardCommand.Create());
        root.Add(ModelCommand.Create());
        root.Add(HilCommand.Create());
        var help = root.Options.First(o => o.Name == "--help");
        help.Action = new SummaryHelpAction((System.CommandLine.Invocation.SynchronousCommandLineAction)help.Action!);
        return root;
    }

    /// <summary>Parses and runs; <paramref name="output"/> and <paramref name="error"/> default to the console.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parseResult = Build().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        if (parseResult.Errors.Count > 0 && parseResult.Action is null)
        {
            foreach (var parseError in parseResult.Errors) configuration.Error.WriteLine($"error: {parseError.Message}");
            return (int)ExitCode.Usage;
        }
        int code = parseResult.Invoke(configuration);
        // System.CommandLine reports its own parse errors with 1; edge documents 2 for usage errors.
        return parseResult.Errors.Count > 0 ? (int)ExitCode.Usage : code;
    }
}

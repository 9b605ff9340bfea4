using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using Edge.Cli.Commands.Board;
using Edge.Cli.Commands.Bridge;
using Edge.Cli.Commands.Demo;
using Edge.Cli.Commands.Drift;
using Edge.Cli.Commands.Hil;
using Edge.Cli.Commands.Model;
using Edge.Cli.Commands.Power;
using Edge.Cli.Commands.Store;
using Edge.Cli.Grammar;

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
        root.Add(StoreCommand.Create());
        var help = root.Options.First(o => o.Name == "--help");
        help.Action = new SummaryHelpAction((SynchronousCommandLineAction)help.Action!);
        ValueParsers.Install(root);
        return root;
    }

    /// <summary>
    /// Parses and runs; <paramref name="output"/> and <paramref name="error"/> default to the console.
    /// Numbers are read and written culture-invariantly whatever the machine's locale, and messages
    /// are in English (the parser's own included), for the whole run.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            // No response files: an argument starting with '@' is a name, and no file is read whole unasked.
            var parseResult = Build().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            var configuration = new InvocationConfiguration
            {
                Output = output ?? Console.Out,
                Error = error ?? Console.Error,
                // Each long-running command owns Ctrl+C (Interruption): a simulator ends normally, a HIL run exits 130.
                ProcessTerminationTimeout = null,
            };
            if (parseResult.Errors.Count > 0 && parseResult.Action is null or ParseErrorAction)
                return UsageErrors.Write(parseResult, configuration.Error);
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary><see cref="RunAsync"/> for callers without an event loop (tests, other tools' in-process runs).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null) =>
        RunAsync(args, output, error).GetAwaiter().GetResult();
}

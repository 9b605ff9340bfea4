using System.CommandLine;
using System.CommandLine.Parsing;

namespace Edge.Cli.Grammar;

/// <summary>
/// A command line System.CommandLine could not parse becomes one `error:` line (every problem
/// found, in one sentence each) and a pointer to the command's --help, instead of the whole help
/// text; unknown words get a "did you mean" from the command's own names.
/// </summary>
internal static partial class UsageErrors
{
    public static int Write(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        string path = Path(parseResult.CommandResult);
        var messages = new List<string>();
        foreach (var parseError in parseResult.Errors)
        {
            string message = OneLine(parseError.Message);
            if (message.StartsWith("Required command was not provided", StringComparison.Ordinal))
                message = $"'{path}' needs a command: {string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
            else if (Unrecognized().Match(message) is { Success: true } unknown && Suggest(command, unknown.Groups[1].Value) is { } suggestion)
                message += $" (did you mean {suggestion}?)";
            if (!messages.Contains(message)) messages.Add(message);
        }
        error.WriteLine($"error: {string.Join("; ", messages)}");
        error.WriteLine(Pointer(parseResult.CommandResult));
        return (int)ExitCode.Usage;
    }

    /// <summary>The line after a usage error: where the command's options and examples are.</summary>
    public static string Pointer(CommandResult command) => $"see '{Path(command)} --help' for its options and examples";

    /// <summary>System.CommandLine's messages may span lines ("Did you mean one of the following?" and a list).</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');

    private static string Path(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult c; r = c.Parent) names.Insert(0, c.Command.Name);
        names[0] = "edge";
        return string.Join(" ", names);
    }

    /// <summary>The closest subcommand or option name, when one is close enough to be a typo.</summary>
    private static string? Suggest(Command command, string word)
    {
        var names = command.Subcommands.Select(c => c.Name)
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
        var best = names.Select(n => (Name: n, Distance: Distance(n, word))).OrderBy(p => p.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, word.Length / 3) ? best.Name : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Unrecognized command or argument '(.+)'$")]
    private static partial System.Text.RegularExpressions.Regex Unrecognized();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}

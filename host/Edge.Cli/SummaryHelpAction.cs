using System.CommandLine;
using System.CommandLine.Invocation;

namespace Edge.Cli;

/// <summary>
/// Help that lists subcommands by the first sentence of their description only: each command's
/// own help keeps its full text with examples, while `edge --help` stays a readable overview.
/// Wraps System.CommandLine's own help action.
/// </summary>
internal sealed class SummaryHelpAction(SynchronousCommandLineAction inner) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var saved = command.Subcommands.Select(c => (Command: c, Description: c.Description)).ToList();
        try
        {
            foreach (var (sub, description) in saved) sub.Description = FirstSentence(description);
            return inner.Invoke(parseResult);
        }
        finally
        {
            foreach (var (sub, description) in saved) sub.Description = description;
        }
    }

    private static string? FirstSentence(string? text)
    {
        if (text is null) return null;
        int paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
        string first = string.Join(" ", (paragraph < 0 ? text : text[..paragraph]).Split('\n', StringSplitOptions.TrimEntries));
        int stop = first.IndexOfAny(['.', ':']);
        while (stop >= 0 && stop + 1 < first.Length && first[stop + 1] != ' ') stop = first.IndexOfAny(['.', ':'], stop + 1);
        return stop < 0 ? first : first[..stop] + ".";
    }
}

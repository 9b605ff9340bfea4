using System.CommandLine;

namespace Edge.Cli.Tests;

/// <summary>The real `edge` command tree, walked: every leaf command (the ones a user runs) with its path.</summary>
internal static class CommandTree
{
    public static IReadOnlyList<(string Path, Command Command)> Leaves() => Walk(EdgeCli.Build(), "edge").ToList();

    /// <summary>The words after `edge` (e.g. ["drift", "profile"]).</summary>
    public static string[] Words(string path) => path.Split(' ').Skip(1).ToArray();

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        if (command.Subcommands.Count == 0) yield return (path, command);
        foreach (var sub in command.Subcommands)
            foreach (var leaf in Walk(sub, path + " " + sub.Name))
                yield return leaf;
    }

    public static IEnumerable<Option> OwnOptions(Command command) => command.Options.Where(o => o.Name is not ("--help" or "--version"));

    public static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public static bool IsNumeric(Option option) => Underlying(option.ValueType) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float));
}

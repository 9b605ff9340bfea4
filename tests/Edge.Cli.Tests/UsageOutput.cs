using System.Text.RegularExpressions;

namespace Edge.Cli.Tests;

/// <summary>What every failing `edge` run must look like to a user: one `error:` line, no stack trace, no .NET type names, no temporary file names.</summary>
internal static partial class UsageOutput
{
    /// <summary>The problems with a failed run's output, or none.</summary>
    public static IEnumerable<string> Problems(CliRun run)
    {
        string all = run.Out + run.Error;
        int errorLines = run.Error.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal));
        if (errorLines != 1) yield return $"{errorLines} 'error:' lines";
        if (all.Contains("   at ", StringComparison.Ordinal) || all.Contains("Unhandled exception", StringComparison.Ordinal)) yield return "a stack trace";
        if (TypeName().Match(all) is { Success: true } type) yield return $"a .NET type name ({type.Value})";
        if (TemporaryName().Match(all) is { Success: true } temporary) yield return $"a temporary file name ({temporary.Value})";
        if (all.Contains("Description:", StringComparison.Ordinal) || all.Contains("Usage:", StringComparison.Ordinal)) yield return "the whole help text";
        if (run.ExitCode == (int)ExitCode.Usage && !run.Error.Contains("--help'", StringComparison.Ordinal) && !run.Error.Contains("--help", StringComparison.Ordinal))
            yield return "a usage error without a pointer to --help";
        if (run.ExitCode == (int)ExitCode.InternalError) yield return "exit code 1 (an internal error: a bug)";
    }

    [GeneratedRegex(@"\b(System|Microsoft|YamlDotNet|Parquet|Sylvan|Google)\.[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)*")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"\S*(\.tmp\b|\.partial\b|\.tmp-\d+)")]
    private static partial Regex TemporaryName();
}

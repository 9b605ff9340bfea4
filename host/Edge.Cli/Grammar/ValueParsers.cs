using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Edge.Cli.Grammar;

/// <summary>
/// Parses every number and choice a user types the same way, whatever the machine's locale:
/// invariant culture (a German TwinCAT PC must not read `--threshold 0.2` as 2), no NaN or
/// infinity, names instead of .NET type names in messages; an empty text where a name, path or
/// address is expected is refused at once. Installed on the whole command tree by
/// <see cref="EdgeCli.Build"/>, so a new option or argument cannot miss it.
/// </summary>
internal static class ValueParsers
{
    public static void Install(Command root)
    {
        foreach (var option in Options(root))
        {
            if (option.ValueType == typeof(int)) Set<int>(option, ParseInt);
            else if (option.ValueType == typeof(int?)) Set<int?>(option, r => ParseInt(r));
            else if (option.ValueType == typeof(long)) Set<long>(option, ParseLong);
            else if (option.ValueType == typeof(double)) Set<double>(option, ParseDouble);
            else if (option.ValueType == typeof(double?)) Set<double?>(option, r => ParseDouble(r));
            else if (option.ValueType == typeof(float)) Set<float>(option, ParseFloat);
            else if (option.ValueType == typeof(float?)) Set<float?>(option, r => ParseFloat(r));
            else if (option.ValueType == typeof(string)) Set<string?>(option, ParseText);
            else if (option.ValueType == typeof(string[])) Set<string[]>(option, r => r.Tokens.Select(t => Text(r, t.Value)).ToArray());
            else if (option.ValueType == typeof(FileInfo)) Set<FileInfo?>(option, r => ParsePath(r, p => new FileInfo(p)));
            else if (option.ValueType == typeof(DirectoryInfo)) Set<DirectoryInfo?>(option, r => ParsePath(r, p => new DirectoryInfo(p)));
            else if (option.ValueType.IsEnum) SetEnum(option);
        }
        foreach (var argument in Arguments(root))
        {
            if (argument is Argument<string> text) text.CustomParser ??= r => ParseText(r) ?? "";
            else if (argument is Argument<string[]> texts) texts.CustomParser ??= r => r.Tokens.Select(t => Text(r, t.Value)).ToArray();
            else if (argument is Argument<FileInfo[]> files) files.CustomParser ??= r => r.Tokens.Select(t => new FileInfo(Text(r, t.Value) is { Length: > 0 } p ? p : ".")).ToArray();
        }
    }

    private static IEnumerable<Argument> Arguments(Command root)
    {
        var commands = new Stack<Command>([root]);
        while (commands.TryPop(out var command))
        {
            foreach (var argument in command.Arguments) yield return argument;
            foreach (var sub in command.Subcommands) commands.Push(sub);
        }
    }

    /// <summary>Every option of the tree, each once (shared instances such as --help appear under many commands).</summary>
    public static IEnumerable<Option> Options(Command root)
    {
        var seen = new HashSet<Option>(ReferenceEqualityComparer.Instance);
        var commands = new Stack<Command>([root]);
        while (commands.TryPop(out var command))
        {
            foreach (var option in command.Options) if (seen.Add(option)) yield return option;
            foreach (var sub in command.Subcommands) commands.Push(sub);
        }
    }

    private static void Set<T>(Option option, Func<ArgumentResult, T> parse)
    {
        var typed = (Option<T>)option;
        typed.CustomParser ??= result => parse(result);
    }

    /// <summary>
    /// Each enum an option takes, named here: a native-AOT `edge` cannot make the generic parser for
    /// a type it meets only at run time. An enum missing here fails every build of the command tree.
    /// </summary>
    private static void SetEnum(Option option)
    {
        switch (option)
        {
            case Option<Edge.Models.Quantization.Calibration> calibration: SetEnum(calibration); break;
            case Option<Edge.Drift.Replay.InputPrecision> precision: SetEnum(precision); break;
            case Option<Microsoft.Extensions.Logging.LogLevel> level: SetEnum(level); break;
            default: throw new InvalidOperationException($"{option.Name} takes {option.ValueType.Name}, which has no name parser: add it to ValueParsers.SetEnum.");
        }
    }

    private static void SetEnum<T>(Option<T> typed) where T : struct, Enum
    {
        typed.CustomParser ??= result =>
        {
            string text = Token(result);
            // Names only: Enum.TryParse would also take "7" for a value that does not exist.
            foreach (var name in Enum.GetNames<T>())
                if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase)) return Enum.Parse<T>(name);
            result.AddError($"{OptionName(result)}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
            return default;
        };
    }

    private static string? ParseText(ArgumentResult result) => Text(result, Token(result));

    private static string Text(ArgumentResult result, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) result.AddError($"{OptionName(result)}: an empty value; give a name, path or address");
        return text;
    }

    private static T? ParsePath<T>(ArgumentResult result, Func<string, T> create) where T : class
    {
        string text = Text(result, Token(result));
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return create(text);
        }
        catch (Exception e) when (e is ArgumentException or PathTooLongException or NotSupportedException)
        {
            result.AddError($"{OptionName(result)}: '{text}' is not a usable path");
            return null;
        }
    }

    private static int ParseInt(ArgumentResult result)
    {
        string text = Token(result);
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError($"{OptionName(result)}: '{text}' is not a whole number{(long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? " of a size it can take" : "")}");
        return 0;
    }

    private static long ParseLong(ArgumentResult result)
    {
        string text = Token(result);
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
        result.AddError($"{OptionName(result)}: '{text}' is not a whole number");
        return 0;
    }

    private static double ParseDouble(ArgumentResult result)
    {
        string text = Token(result);
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)) return value;
        result.AddError(NotANumber(result, text));
        return 0;
    }

    private static float ParseFloat(ArgumentResult result)
    {
        string text = Token(result);
        if (float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)) return value;
        result.AddError(NotANumber(result, text));
        return 0;
    }

    private static string NotANumber(ArgumentResult result, string text) =>
        $"{OptionName(result)}: '{text}' is not a finite number" + (text.Contains(',') ? " (write a decimal point, e.g. 0.5, whatever the locale)" : "");

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}

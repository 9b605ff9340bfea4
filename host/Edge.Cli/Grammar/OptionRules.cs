using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Edge.Cli.Grammar;

/// <summary>
/// What values an option takes, declared beside the option: a number's range is checked while
/// parsing, so a wrong value is one usage error (exit 2) before anything runs, with the range in
/// the message and in the help. Every numeric option of the tool declares one (HelpTests walks
/// the tree); <see cref="Unbounded{T}"/> says so explicitly where any finite number is fine.
/// </summary>
internal static class OptionRules
{
    private static readonly ConditionalWeakTable<Option, string> Rules = [];

    /// <summary>The rule an option declared ("2 to 64"), or null when it declared none.</summary>
    public static string? RuleOf(Option option) => Rules.TryGetValue(option, out var rule) ? rule : null;

    public static Option<T> Within<T>(this Option<T> option, T min, T max) where T : struct, INumber<T> =>
        option.Must(v => v >= min && v <= max, $"{Text(min)} to {Text(max)}");

    public static Option<T?> Within<T>(this Option<T?> option, T min, T max) where T : struct, INumber<T> =>
        option.Must(v => v is not { } x || (x >= min && x <= max), $"{Text(min)} to {Text(max)}");

    /// <summary>Above zero (exclusive), up to <paramref name="max"/>.</summary>
    public static Option<T> Positive<T>(this Option<T> option, T max) where T : struct, INumber<T> =>
        option.Must(v => v > T.Zero && v <= max, $"above 0, at most {Text(max)}");

    public static Option<T?> Positive<T>(this Option<T?> option, T max) where T : struct, INumber<T> =>
        option.Must(v => v is not { } x || (x > T.Zero && x <= max), $"above 0, at most {Text(max)}");

    /// <summary>Any finite number (NaN and infinities are refused by every numeric option's parser); <paramref name="what"/> says why no range applies.</summary>
    public static Option<T> Unbounded<T>(this Option<T> option, string what)
    {
        Rules.AddOrUpdate(option, what);
        return option;
    }

    public static Option<T> Must<T>(this Option<T> option, Func<T, bool> ok, string rule)
    {
        Rules.AddOrUpdate(option, rule);
        option.Description = $"{option.Description?.TrimEnd('.')} ({rule}).";
        option.Validators.Add(result =>
        {
            if (result.Implicit || result.Errors.Any() || result.Tokens.Count == 0) return;
            T value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // the parser already reported it
            }
            if (!ok(value)) result.AddError($"{option.Name} must be {rule}, not {result.Tokens[^1].Value}");
        });
        return option;
    }

    private static string Text<T>(T value) where T : struct, INumber<T> => value.ToString(null, CultureInfo.InvariantCulture);
}

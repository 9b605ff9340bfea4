using System.CommandLine;
using Edge.Common.Text;

namespace Edge.Cli.Grammar;

/// <summary>
/// Options that take a duration, in Edge's one syntax (<see cref="Duration"/>: 500ms, 2s, 90s, 5m,
/// 1h), positive and at most 24 days (what a timer holds). <c>inf</c> is accepted where an option
/// allows it and reads as <see cref="Timeout.InfiniteTimeSpan"/>.
/// </summary>
internal static class DurationOption
{
    public static readonly TimeSpan Max = TimeSpan.FromMilliseconds(int.MaxValue);

    public static Option<TimeSpan?> Create(string name, string description, bool allowInfinite = false, Func<TimeSpan?>? defaultValue = null)
    {
        var option = new Option<TimeSpan?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (allowInfinite && text.Trim().ToLowerInvariant() is "inf" or "infinite") return Timeout.InfiniteTimeSpan;
                if (Duration.TryParse(text, out var value) && value > TimeSpan.Zero && value <= Max) return value;
                result.AddError($"{name}: '{text}' is not a duration; write {Duration.Syntax}, above 0 and at most 24 days{(allowInfinite ? ", or inf" : "")}");
                return null;
            },
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue();
        option.Unbounded(allowInfinite ? "a duration, or inf" : "a duration");
        return option;
    }
}

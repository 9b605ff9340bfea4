using YamlDotNet.RepresentationModel;

namespace Edge.PlcBridge.Configuration.Yaml;

/// <summary>
/// One mapping of a configuration file with its key path (<c>ads.limits</c>): typed getters that
/// fail with a <see cref="BridgeConfigException"/> naming file, line, column and key, and a check
/// that no unknown key (a typo) is silently ignored.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _mapping;

    public YamlSection(YamlMappingNode mapping, string path, string source)
    {
        _mapping = mapping;
        Path = path;
        Source = source;
    }

    public delegate bool Parser<T>(string text, out T value);

    /// <summary>Key path of this mapping; "" for the root.</summary>
    public string Path { get; }

    public string Source { get; }

    public YamlNode Node => _mapping;

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public BridgeConfigException Error(YamlNode at, string keyPath, string problem) =>
        new(Source, at.Start.Line, at.Start.Column, keyPath, problem);

    /// <summary>Fails on the first key not in <paramref name="known"/>, listing the ones that are.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var key in _mapping.Children.Keys)
        {
            string name = key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();
            if (!known.Contains(name, StringComparer.Ordinal))
                throw Error(key, KeyPath(name), $"unknown key; {(Path.Length == 0 ? "the top level has" : $"{Path} has")} {string.Join(", ", known)}");
        }
    }

    public YamlNode? Find(string key) => _mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A scalar's text; null when the key is absent. An empty value is an error: a key written without one is a mistake.</summary>
    public string? Text(string key)
    {
        if (Find(key) is not { } node)
            return null;
        if (node is not YamlScalarNode scalar)
            throw Error(node, KeyPath(key), $"needs a single value, not a {Kind(node)}");
        if (string.IsNullOrWhiteSpace(scalar.Value))
            throw Error(node, KeyPath(key), "has no value");
        return scalar.Value;
    }

    public string RequiredText(string key) =>
        Text(key) ?? throw Error(_mapping, KeyPath(key), $"is required{(Path.Length == 0 ? "" : $" in {Path}")}");

    /// <summary>A parsed scalar, <paramref name="fallback"/> when absent; <paramref name="expected"/> words the error ("a duration such as 5s").</summary>
    public T Value<T>(string key, T fallback, Parser<T> parse, string expected)
    {
        string? text = Text(key);
        if (text is null)
            return fallback;
        if (!parse(text, out var value))
            throw Error(Find(key)!, KeyPath(key), $"'{text}' is not {expected}");
        return value;
    }

    public int Int(string key, int fallback, long min, long max)
    {
        if (Find(key) is null)
            return fallback;
        long value = Value(key, (long)fallback, ConfigSyntax.TryInteger, "a whole number");
        if (value < min || value > max)
            throw Error(Find(key)!, KeyPath(key), $"{value} is out of range; it must be {min} to {max}");
        return (int)value;
    }

    public bool Bool(string key, bool fallback) => Value(key, fallback, ConfigSyntax.TryBool, "true or false");

    /// <summary>A duration between <paramref name="min"/> and <paramref name="max"/> (default a day: timers take at most about 49 days, and no setting here means more than a day).</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan? max = null)
    {
        if (Find(key) is null)
            return fallback;
        var value = Value(key, fallback, ConfigSyntax.TryDuration, "a duration: " + Edge.Common.Text.Duration.Syntax);
        if (value < min)
            throw Error(Find(key)!, KeyPath(key), $"{value.TotalMilliseconds} ms is too short; it must be at least {min.TotalMilliseconds} ms");
        var most = max ?? TimeSpan.FromHours(24);
        if (value > most)
            throw Error(Find(key)!, KeyPath(key), $"{Edge.Common.Text.Duration.Format(value)} is too long; it must be at most {Edge.Common.Text.Duration.Format(most)}");
        return value;
    }

    /// <summary>A nested mapping; null when absent.</summary>
    public YamlSection? Section(string key)
    {
        if (Find(key) is not { } node)
            return null;
        if (node is YamlScalarNode { Value: null or "" })
            return null; // "prometheus:" with nothing under it: defaults
        if (node is not YamlMappingNode mapping)
            throw Error(node, KeyPath(key), $"needs keys below it (a mapping), not a {Kind(node)}");
        return new YamlSection(mapping, KeyPath(key), Source);
    }

    /// <summary>The items of a list; an empty list when absent. A single value is not taken for a list of one.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Items(string key)
    {
        if (Find(key) is not { } node)
            return [];
        if (node is YamlScalarNode { Value: null or "" })
            return [];
        if (node is not YamlSequenceNode sequence)
            throw Error(node, KeyPath(key), $"needs a list (items starting with '- '), not a {Kind(node)}");
        return sequence.Children.Select((item, i) => (item, $"{KeyPath(key)}[{i}]")).ToArray();
    }

    /// <summary>A list of mappings, such as <c>boards</c>.</summary>
    public IReadOnlyList<YamlSection> Sections(string key) =>
        Items(key).Select(item => item.Node is YamlMappingNode mapping
            ? new YamlSection(mapping, item.Path, Source)
            : throw Error(item.Node, item.Path, $"needs keys below it (a mapping), not a {Kind(item.Node)}")).ToArray();

    /// <summary>A list of scalars, each parsed; errors name the item.</summary>
    public IReadOnlyList<(T Value, YamlNode Node)> Values<T>(string key, Parser<T> parse, string expected) =>
        Items(key).Select(item =>
        {
            if (item.Node is not YamlScalarNode { Value: { Length: > 0 } text })
                throw Error(item.Node, item.Path, $"needs a single value, not a {Kind(item.Node)}");
            return parse(text, out var value) ? (value, item.Node) : throw Error(item.Node, item.Path, $"'{text}' is not {expected}");
        }).ToArray();

    private static string Kind(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };
}

namespace Edge.PlcBridge.Configuration;

/// <summary>
/// A configuration that cannot be used. The message names the file, the line and column, the key
/// (<c>boards[1].address</c>) and what is wrong with it, e.g.
/// <c>bridge.yaml:7:14: boards[1].address: 'tcp://10.0.0.5' has no port; write tcp://HOST:PORT</c>.
/// </summary>
public sealed class BridgeConfigException(string source, long line, long column, string key, string problem, Exception? inner = null)
    : Exception(Format(source, line, column, key, problem), inner)
{
    public string File { get; } = source;

    /// <summary>1-based; 0 when the problem has no place in the file (it is missing or empty).</summary>
    public long Line { get; } = line;

    public long Column { get; } = column;

    public string Key { get; } = key;

    public string Problem { get; } = problem;

    private static string Format(string source, long line, long column, string key, string problem)
    {
        string place = line > 0 ? $"{source}:{line}:{column}" : source;
        return key.Length > 0 ? $"{place}: {key}: {problem}" : $"{place}: {problem}";
    }
}

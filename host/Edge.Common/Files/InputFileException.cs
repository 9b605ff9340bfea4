namespace Edge.Common.Files;

/// <summary>A file the user named cannot be read as given: missing, a folder, too large for what it claims to be, unreadable. The message starts with the path.</summary>
public sealed class InputFileException(string path, string problem, Exception? inner = null) : IOException($"{path}: {problem}", inner)
{
    public string Path { get; } = path;

    /// <summary>What is wrong, without the path (for callers that put the path elsewhere in their own message).</summary>
    public string Problem { get; } = problem;
}

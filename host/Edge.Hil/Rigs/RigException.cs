namespace Edge.Hil.Rigs;

/// <summary>A rig file that cannot be used: the message names the file, and where it can the line or board, and what to write instead.</summary>
public sealed class RigException(string path, string problem, Exception? inner = null) : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}

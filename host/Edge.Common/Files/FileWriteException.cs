namespace Edge.Common.Files;

/// <summary>
/// An output could not be written (missing folder, permissions, full disk). The message names the
/// file the user asked for, never the temporary file beside it.
/// </summary>
public sealed class FileWriteException(string path, string reason, Exception? inner = null)
    : IOException($"cannot write {path}: {reason}", inner)
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}

namespace Edge.Hil.Storage;

/// <summary>A result could not be written (full disk, permissions): the run stops, since nothing it measured could be kept; what was written stays.</summary>
public sealed class ResultWriteException(string path, Exception inner)
    : IOException($"cannot write {path}: {inner.Message}. Results written before are kept; free space or fix the folder, then run again with --resume.", inner)
{
    public string Path { get; } = path;
}

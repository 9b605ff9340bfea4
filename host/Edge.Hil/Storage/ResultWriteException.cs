using Edge.Common.Files;

namespace Edge.Hil.Storage;

/// <summary>A result could not be written (full disk, permissions): the run stops, since nothing it measured could be kept; what was written stays.</summary>
public sealed class ResultWriteException(FileWriteException inner)
    : IOException($"{inner.Message}. Results written before are kept; free space or fix the folder, then run again with --resume.", inner)
{
    public string Path { get; } = inner.Path;

    /// <summary>Runs a write of the run folder; its failure becomes this exception.</summary>
    public static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (FileWriteException e)
        {
            throw new ResultWriteException(e);
        }
    }

    public static async Task GuardAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (FileWriteException e)
        {
            throw new ResultWriteException(e);
        }
    }
}

namespace Edge.Hil.Storage;

/// <summary>
/// Writes a result file completely or not at all: a temporary file beside it, flushed to disk,
/// then renamed over the target. A run killed at any moment leaves the old file or the new one;
/// a full disk leaves the old one and an <see cref="ResultWriteException"/> naming the file.
/// </summary>
public static class AtomicFile
{
    /// <summary>The temporary name: fixed per target, so an interrupted write is overwritten by the next (one writer per file: cells are split by shard).</summary>
    public static string TemporaryFor(string path) => path + ".partial";

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        string temporary = TemporaryFor(path);
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ResultWriteException(path, e);
        }
    }

    /// <summary>Writes through <paramref name="write"/> (e.g. a Parquet writer) into the temporary file, then renames.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        string temporary = TemporaryFor(path);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await write(file).ConfigureAwait(false);
                await file.FlushAsync().ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ResultWriteException(path, e);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

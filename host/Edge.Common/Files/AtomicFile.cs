namespace Edge.Common.Files;

/// <summary>
/// Writes a file completely or not at all, and durably: the bytes go to a hidden temporary file
/// beside the target, which is flushed to disk (fsync), renamed over the target, and then the
/// folder is synced so the rename survives a power cut. A process killed at any moment leaves the
/// old file or the new one; a failure (missing folder, permissions, full disk) leaves the old one
/// and a <see cref="FileWriteException"/> that names the target, not the temporary file. The one
/// way every host component writes a file a user or a later run relies on.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes), FileSteps.Real);

    /// <summary>Writes through <paramref name="write"/> (e.g. a serializer) into the temporary file.</summary>
    public static void Write(string path, Action<Stream> write) => Write(path, write, FileSteps.Real);

    /// <summary>Writes through <paramref name="write"/> (e.g. a Parquet writer) into the temporary file.</summary>
    public static Task WriteAsync(string path, Func<Stream, Task> write) => WriteAsync(path, write, FileSteps.Real);

    /// <summary>
    /// Writes <paramref name="path"/> only if it does not exist yet (write-once files: a content-addressed
    /// store's objects, a record that must never change). False, and nothing changed, when it existed;
    /// two writers racing for it cannot both win (the rename refuses to replace).
    /// </summary>
    public static async Task<bool> WriteOnceAsync(string path, Func<Stream, Task> write)
    {
        var (target, folder, shared) = Plan(path);
        if (File.Exists(target)) return false;
        // Writers in one process may race for a write-once target: each gets its own temporary file.
        string temporary = shared[..^4] + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var steps = FileSteps.Real;
        try
        {
            await using (var file = steps.Create(temporary))
            {
                await write(file).ConfigureAwait(false);
                await file.FlushAsync().ConfigureAwait(false);
                steps.FlushToDisk(file);
            }
            if (!steps.RenameIfAbsent(temporary, target))
            {
                steps.Delete(temporary);
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            steps.Delete(temporary);
            throw Failure(path, folder, temporary, e);
        }
        Sync(path, folder, steps);
        return true;
    }

    internal static void Write(string path, Action<Stream> write, FileSteps steps)
    {
        var (target, folder, temporary) = Plan(path);
        try
        {
            using (var file = steps.Create(temporary))
            {
                write(file);
                file.Flush();
                steps.FlushToDisk(file);
            }
            steps.Rename(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            steps.Delete(temporary);
            throw Failure(path, folder, temporary, e);
        }
        Sync(path, folder, steps);
    }

    internal static async Task WriteAsync(string path, Func<Stream, Task> write, FileSteps steps)
    {
        var (target, folder, temporary) = Plan(path);
        try
        {
            await using (var file = steps.Create(temporary))
            {
                await write(file).ConfigureAwait(false);
                await file.FlushAsync().ConfigureAwait(false);
                steps.FlushToDisk(file);
            }
            steps.Rename(temporary, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            steps.Delete(temporary);
            throw Failure(path, folder, temporary, e);
        }
        Sync(path, folder, steps);
    }

    private static (string Target, string Folder, string Temporary) Plan(string path)
    {
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new FileWriteException(path, "it names no file; nothing was written");
        if (!Directory.Exists(folder)) throw new FileWriteException(path, $"the folder {folder} does not exist; nothing was written");
        if (Directory.Exists(target)) throw new FileWriteException(path, "it is a folder; nothing was written");
        return (target, folder, TemporaryFor(target));
    }

    /// <summary>
    /// The temporary file beside <paramref name="path"/>: hidden, and named per machine and process,
    /// so writers on two bench hosts sharing a run folder never share one. One writer per target in a
    /// process (a leftover from a killed run of the same process id is overwritten).
    /// </summary>
    public static string TemporaryFor(string path)
    {
        string target = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(target) ?? "", $".{Path.GetFileName(target)}.{Environment.MachineName}.{Environment.ProcessId}.tmp");
    }

    // After the rename the new file is in place; a failed folder sync means only that a power cut could still undo it.
    private static void Sync(string path, string folder, FileSteps steps)
    {
        try
        {
            steps.SyncDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileWriteException(path, $"it was written but the folder could not be synced to disk ({e.Message}); it may not survive a power cut", e);
        }
    }

    private static FileWriteException Failure(string path, string folder, string temporary, Exception e) => new(path, (e switch
    {
        UnauthorizedAccessException => $"permission denied in {folder}",
        DirectoryNotFoundException => $"the folder {folder} does not exist",
        IOException when IsDiskFull(e) => "the disk is full",
        _ => e.Message.Replace(temporary, path, StringComparison.Ordinal).TrimEnd('.'),
    }) + "; the file was left as it was", e);

    // ENOSPC on Unix (the HResult is the errno), ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(Exception e) => e.HResult == 28 || (e.HResult & 0xFFFF) is 0x70 or 0x27;
}

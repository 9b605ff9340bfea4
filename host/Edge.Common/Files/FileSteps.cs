using Edge.Common.Files.Unix;

namespace Edge.Common.Files;

/// <summary>
/// The file-system calls <see cref="AtomicFile"/> makes, in one place so a test can record their
/// order and make any of them fail (a full disk, a rename refused) without a real fault.
/// </summary>
internal class FileSteps
{
    public static readonly FileSteps Real = new();

    public virtual FileStream Create(string temporary) =>
        new(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);

    /// <summary>fsync(2) of the file's data and size, before it may replace anything.</summary>
    public virtual void FlushToDisk(FileStream file) => file.Flush(flushToDisk: true);

    /// <summary>rename(2): atomic on one file system; readers see the old file or the new one.</summary>
    public virtual void Rename(string temporary, string target) => File.Move(temporary, target, overwrite: true);

    /// <summary>
    /// Renames without replacing: false when the target already exists, decided atomically. On Unix by
    /// link(2) then removing the temporary name; where the file system cannot link (and on Windows,
    /// whose move without replace is atomic), by File.Move without overwrite.
    /// </summary>
    public virtual bool RenameIfAbsent(string temporary, string target)
    {
        if (!OperatingSystem.IsWindows() && HardLink.TryCreate(temporary, target) is { } linked)
        {
            if (linked) Delete(temporary);
            return linked;
        }
        try
        {
            File.Move(temporary, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    /// <summary>fsync(2) of the folder, so the rename itself survives a power cut.</summary>
    public virtual void SyncDirectory(string directory) => DirectorySync.Sync(directory);

    public virtual void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed and says so; a leftover hidden .tmp file is harmless.
        }
    }
}

using System.Runtime.InteropServices;

namespace Edge.Common.Files.Unix;

/// <summary>
/// fsync(2) on a directory: after a rename, the directory entry reaches the disk only when the
/// directory itself is synced (a power cut before that can bring back the old file). .NET has no
/// API for it (it refuses to open directories), hence these three libc calls.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;        // O_RDONLY: enough to fsync a directory on Linux and the BSDs
    private const int InvalidArgument = 22;  // EINVAL: the file system cannot sync directories
    private const int ReadOnlyFileSystem = 30; // EROFS
    private const int NotSupported = 95;     // EOPNOTSUPP (Linux)

    public static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows()) return; // NTFS journals the rename itself
        int fd = Open(directory, ReadOnly);
        if (fd < 0) throw new IOException($"cannot open folder {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno is not (InvalidArgument or ReadOnlyFileSystem or NotSupported))
                    throw new IOException($"cannot sync folder {directory} (errno {errno})", errno);
            }
        }
        finally
        {
            Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}

using System.Runtime.InteropServices;

namespace Edge.Common.Files.Unix;

/// <summary>
/// link(2): gives a file a second name, and fails with EEXIST if that name is taken, atomically. .NET's
/// File.Move without overwrite checks for the target and then renames, so two writers racing for one
/// write-once name could both "win" (the second replacing the first): seen in a full test run.
/// </summary>
internal static partial class HardLink
{
    private const int Exists = 17; // EEXIST, on Linux and the BSDs

    /// <summary>True when linked, false when <paramref name="target"/> exists; null when the file system cannot link here.</summary>
    public static bool? TryCreate(string existing, string target)
    {
        if (Link(existing, target) == 0) return true;
        return Marshal.GetLastPInvokeError() == Exists ? false : null;
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string target);
}

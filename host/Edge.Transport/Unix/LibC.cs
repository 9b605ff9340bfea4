using System.Runtime.InteropServices;

namespace Edge.Transport.Unix;

/// <summary>The few libc calls the pseudo-terminal needs (Linux values for the flag constants).</summary>
internal static unsafe partial class LibC
{
    public const int ReadWrite = 0x2;         // O_RDWR
    public const int NoControllingTty = 0x100; // O_NOCTTY
    public const int NonBlocking = 0x800;      // O_NONBLOCK
    public const int CloseOnExec = 0x80000;    // O_CLOEXEC
    public const int GetFlags = 3;             // F_GETFL
    public const int SetFlags = 4;             // F_SETFL
    public const int SetNow = 0;               // TCSANOW

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;
    public const short PollInvalid = 0x20;

    public const int Interrupted = 4;   // EINTR
    public const int IoError = 5;       // EIO: the other side of the pty is gone
    public const int WouldBlock = 11;   // EAGAIN

    /// <summary>Large enough for struct termios on every libc we know (Linux: 60 bytes); treated as opaque.</summary>
    public const int TermiosSize = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int OpenPseudoTerminal(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPseudoTerminal(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPseudoTerminal(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PseudoTerminalName(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Control(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int GetTerminalAttributes(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int SetTerminalAttributes(int fd, int when, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void MakeRaw(byte* termios);

    public static IOException Failure(string what)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"{what} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).", errno);
    }
}

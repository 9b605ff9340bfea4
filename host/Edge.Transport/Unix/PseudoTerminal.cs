using System.Runtime.Versioning;
using System.Text;

namespace Edge.Transport.Unix;

/// <summary>
/// A Linux pseudo-terminal pair (posix_openpt): the simulator speaks on <see cref="Master"/>, and
/// any serial client opens <see cref="DevicePath"/> (`/dev/pts/N`) as if a monitor were plugged in.
/// The terminal is put in raw mode so no byte is translated or echoed. Disposing it is the
/// equivalent of pulling the USB cable: the client's next read fails.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed unsafe class PseudoTerminal : IDisposable
{
    private readonly FileDescriptorStream master;
    private int heldSlave;

    private PseudoTerminal(FileDescriptorStream master, int heldSlave, string devicePath)
    {
        this.master = master;
        this.heldSlave = heldSlave;
        DevicePath = devicePath;
    }

    /// <summary>The path a client opens, e.g. `/dev/pts/7`.</summary>
    public string DevicePath { get; }

    /// <summary>The simulator's end: what it writes, the client reads, and the other way round.</summary>
    public Stream Master => master;

    public static PseudoTerminal Open()
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("Pseudo-terminals are only supported on Linux; use TCP instead.");
        int fd = LibC.OpenPseudoTerminal(LibC.ReadWrite | LibC.NoControllingTty | LibC.CloseOnExec);
        if (fd < 0) throw LibC.Failure("posix_openpt");
        try
        {
            if (LibC.GrantPseudoTerminal(fd) != 0) throw LibC.Failure("grantpt");
            if (LibC.UnlockPseudoTerminal(fd) != 0) throw LibC.Failure("unlockpt");
            string path = SlaveName(fd);
            // Holding the slave open keeps the raw settings and spares the master EIO before a client comes.
            int slave = LibC.Open(path, LibC.ReadWrite | LibC.NoControllingTty | LibC.CloseOnExec);
            if (slave < 0) throw LibC.Failure($"open {path}");
            MakeRaw(slave, path);
            return new PseudoTerminal(new FileDescriptorStream(fd, ownsDescriptor: true), slave, path);
        }
        catch
        {
            LibC.Close(fd);
            throw;
        }
    }

    public void Dispose()
    {
        master.Dispose();
        int slave = Interlocked.Exchange(ref heldSlave, -1);
        if (slave >= 0) LibC.Close(slave);
    }

    private static string SlaveName(int fd)
    {
        byte* buffer = stackalloc byte[128];
        if (LibC.PseudoTerminalName(fd, buffer, 128) != 0) throw LibC.Failure("ptsname_r");
        var name = new ReadOnlySpan<byte>(buffer, 128);
        int end = name.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? name : name[..end]);
    }

    private static void MakeRaw(int fd, string path)
    {
        byte* termios = stackalloc byte[LibC.TermiosSize];
        if (LibC.GetTerminalAttributes(fd, termios) != 0) throw LibC.Failure($"tcgetattr {path}");
        LibC.MakeRaw(termios);
        if (LibC.SetTerminalAttributes(fd, LibC.SetNow, termios) != 0) throw LibC.Failure($"tcsetattr {path}");
    }
}

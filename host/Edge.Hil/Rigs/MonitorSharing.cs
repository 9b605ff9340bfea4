namespace Edge.Hil.Rigs;

/// <summary>
/// Which rig positions share a power monitor. A monitor serves one session at a time, so
/// positions that share one are measured one after another; positions with monitors of their own
/// are measured at the same time. Boards share a monitor when they give it the same
/// `monitor.name`, or (real monitors) the same port, also through different paths to one device
/// (a /dev/serial/by-id link and the /dev/ttyACM node it points to). A simulated monitor without
/// a name is the board's own.
/// </summary>
public static class MonitorSharing
{
    /// <summary>What identifies the board's monitor: its name and its device; two boards sharing any of these share the monitor.</summary>
    public static IReadOnlyList<string> Keys(RigBoard board)
    {
        var keys = new List<string>(2);
        if (board.Monitor.Name is { } name) keys.Add("name:" + name);
        if (board.Monitor.Port is { } port) keys.Add("port:" + CanonicalPort(port));
        if (keys.Count == 0) keys.Add("board:" + board.Name);
        return keys;
    }

    public static bool SameMonitor(RigBoard a, RigBoard b) => Keys(a).Intersect(Keys(b), StringComparer.Ordinal).Any();

    /// <summary>"monitor 'm1'", "the monitor on /dev/ttyACM1", "its own simulated monitor".</summary>
    public static string Describe(RigBoard board) =>
        board.Monitor.Name is { } name ? $"monitor '{name}'"
        : board.Monitor.Port is { } port ? $"the monitor on {port}"
        : "its own simulated monitor";

    /// <summary>A serial device as the device node it resolves to (when it exists), a tcp:// address in lower case.</summary>
    public static string CanonicalPort(string port)
    {
        if (port.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)) return port.ToLowerInvariant();
        string full = Path.GetFullPath(port);
        try
        {
            return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}

namespace Edge.TestSupport;

/// <summary>
/// Tools a test needs from Debian (headless Chromium, Node.js and npm, gcc, the Arm cross compiler
/// and newlib, QEMU), installed when missing so
/// the test command works on a fresh machine. Installing needs root and the package mirror; when
/// that cannot be done the test fails and says why, it never passes without the tool.
/// </summary>
public static class DebianPackage
{
    private static readonly object Gate = new();

    /// <summary>The full path of <paramref name="executable"/> (a name on PATH or an absolute path), installing <paramref name="packages"/> first when it is missing.</summary>
    public static string Ensure(string executable, params string[] packages)
    {
        lock (Gate)
        {
            if (Find(executable) is { } found) return found;
            var log = new List<string>();
            // Test assemblies run in parallel processes and may install at the same time: wait for
            // dpkg's lock instead of failing on it.
            string[] install = ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", .. packages];
            if (ToolProcess.Run("apt-get", install, log, TimeSpan.FromMinutes(10)) != 0)
            {
                ToolProcess.Run("apt-get", ["update"], log, TimeSpan.FromMinutes(5));
                ToolProcess.Run("apt-get", install, log, TimeSpan.FromMinutes(10));
            }
            return Find(executable) ?? throw new AssertFailedException(
                $"This test needs {executable} and could not install the Debian package(s) {string.Join(", ", packages)} " +
                "(run as root with apt-get available, or install them beforehand). apt-get said:\n" + string.Join("\n", log.TakeLast(15)));
        }
    }

    private static string? Find(string executable)
    {
        if (Path.IsPathRooted(executable)) return File.Exists(executable) ? executable : null;
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, executable);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

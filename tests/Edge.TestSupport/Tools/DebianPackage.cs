using System.Diagnostics;

namespace Edge.TestSupport;

/// <summary>
/// Tools a test needs from Debian (headless Chromium, Node.js and npm), installed when missing so
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
            string[] install = ["install", "-y", "--no-install-recommends", .. packages];
            if (Run("apt-get", install, log, TimeSpan.FromMinutes(10)) != 0)
            {
                Run("apt-get", ["update"], log, TimeSpan.FromMinutes(5));
                Run("apt-get", install, log, TimeSpan.FromMinutes(10));
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

    /// <summary>Runs a process to its end or its time limit, collecting its output lines; -1 when it could not start or ran too long.</summary>
    public static int Run(string file, IEnumerable<string> arguments, List<string> log, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                log.Add($"{file} did not finish within {limit}");
                return -1;
            }
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Add($"{file}: {e.Message}");
            return -1;
        }
    }
}

using System.Diagnostics;

namespace Edge.TestSupport;

/// <summary>Runs a tool a test needs (apt-get, npm, chromium) to its end, keeping its output for the failure message.</summary>
public static class ToolProcess
{
    /// <summary>The exit code; -1 when it could not start or ran past <paramref name="limit"/> (then it is killed). Output lines go to <paramref name="log"/> (only standard output's with <paramref name="stdoutOnly"/>).</summary>
    public static int Run(string file, IEnumerable<string> arguments, List<string> log, TimeSpan limit, bool stdoutOnly = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null && !stdoutOnly) lock (log) log.Add(e.Data); };
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

    /// <summary>Runs a set-up step that must succeed (initdb, ceph-mon --mkfs): otherwise the test fails with the tool's last output.</summary>
    public static void Check(string file, params string[] arguments)
    {
        var log = new List<string>();
        int code = Run(file, arguments, log, TimeSpan.FromMinutes(2));
        if (code != 0) throw new AssertFailedException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {code}:\n{string.Join("\n", log.TakeLast(15))}");
    }
}

using System.Diagnostics;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// Headless Chromium for rendering the report. The test installs the Debian package when it is
/// missing (it needs root and the package mirror); if that cannot be done the test fails and says
/// why, it does not pass without rendering.
/// </summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    public static string Ensure()
    {
        if (File.Exists(Executable)) return Executable;
        var log = new List<string>();
        if (Run("apt-get", ["install", "-y", "chromium"], log, TimeSpan.FromMinutes(10)) != 0)
        {
            Run("apt-get", ["update"], log, TimeSpan.FromMinutes(5));
            Run("apt-get", ["install", "-y", "chromium"], log, TimeSpan.FromMinutes(10));
        }
        if (!File.Exists(Executable))
            Assert.Fail("The report test needs headless Chromium at /usr/bin/chromium and could not install the Debian package 'chromium' " +
                        "(run as root with apt-get available, or install it beforehand). apt-get said:\n" + string.Join("\n", log.TakeLast(15)));
        return Executable;
    }

    /// <summary>Renders <paramref name="html"/> to a PNG screenshot of the given window size.</summary>
    public static string Screenshot(string html, string png, int width = 1280, int height = 2000)
    {
        string chromium = Ensure();
        string profile = Path.Combine(Path.GetDirectoryName(png)!, "chromium-profile-" + Guid.NewGuid().ToString("N")[..8]);
        var log = new List<string>();
        int code = Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png, $"--window-size={width},{height}",
            new Uri(Path.GetFullPath(html)).AbsoluteUri,
        ], log, TimeSpan.FromMinutes(2));
        if (code != 0 || !File.Exists(png)) Assert.Fail($"chromium exited with {code} and no screenshot:\n{string.Join("\n", log.TakeLast(15))}");
        return png;
    }

    private static int Run(string file, string[] arguments, List<string> log, TimeSpan limit)
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

namespace Edge.TestSupport;

/// <summary>
/// Headless Chromium for rendering reports, installed from Debian when missing
/// (<see cref="DebianPackage"/>): the test fails if it cannot render, it never passes without.
/// </summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    public static string Ensure() => DebianPackage.Ensure(Executable, "chromium");

    /// <summary>Renders <paramref name="html"/> to a PNG screenshot of the given window size.</summary>
    public static string Screenshot(string html, string png, int width = 1280, int height = 2000)
    {
        var log = new List<string>();
        int code = Run(html, Path.GetDirectoryName(png)!, ["--screenshot=" + png, $"--window-size={width},{height}"], log);
        if (code != 0 || !File.Exists(png)) Assert.Fail($"chromium exited with {code} and no screenshot:\n{string.Join("\n", log.TakeLast(15))}");
        return png;
    }

    /// <summary>The document as Chromium holds it after loading <paramref name="html"/> and running its scripts (--dump-dom).</summary>
    public static string DumpDom(string html, int width = 1280, int height = 2000)
    {
        var output = new List<string>();
        int code = Run(html, Path.GetDirectoryName(Path.GetFullPath(html))!, ["--dump-dom", $"--window-size={width},{height}", "--virtual-time-budget=5000"], output, stdoutOnly: true);
        if (code != 0 || output.Count == 0) Assert.Fail($"chromium exited with {code} and printed no document:\n{string.Join("\n", output.TakeLast(15))}");
        return string.Join("\n", output);
    }

    private static int Run(string html, string folder, IEnumerable<string> what, List<string> log, bool stdoutOnly = false)
    {
        string chromium = Ensure();
        string profile = Path.Combine(folder, "chromium-profile-" + Guid.NewGuid().ToString("N")[..8]);
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, .. what, new Uri(Path.GetFullPath(html)).AbsoluteUri,
        ];
        return ToolProcess.Run(chromium, arguments, log, TimeSpan.FromMinutes(2), stdoutOnly);
    }
}

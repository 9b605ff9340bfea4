using Edge.TestSupport;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// Headless Chromium for rendering the report, installed from Debian when missing
/// (<see cref="DebianPackage"/>): the test fails if it cannot render, it never passes without.
/// </summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    public static string Ensure() => DebianPackage.Ensure(Executable, "chromium");

    /// <summary>Renders <paramref name="html"/> to a PNG screenshot of the given window size.</summary>
    public static string Screenshot(string html, string png, int width = 1280, int height = 2000)
    {
        string chromium = Ensure();
        string profile = Path.Combine(Path.GetDirectoryName(png)!, "chromium-profile-" + Guid.NewGuid().ToString("N")[..8]);
        var log = new List<string>();
        int code = ToolProcess.Run(chromium,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png, $"--window-size={width},{height}",
            new Uri(Path.GetFullPath(html)).AbsoluteUri,
        ], log, TimeSpan.FromMinutes(2));
        if (code != 0 || !File.Exists(png)) Assert.Fail($"chromium exited with {code} and no screenshot:\n{string.Join("\n", log.TakeLast(15))}");
        return png;
    }
}

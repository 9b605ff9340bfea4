using System.Diagnostics;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>`edge bridge run` as a process of its own (as a service runs it), and reading its log until it has started.</summary>
internal static class BridgeProcess
{
    public static Process Start(string configFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "edge.dll"), "bridge", "run", "--config", configFile })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>
    /// Reads the bridge's output into <paramref name="log"/>, a line at a time (each line within
    /// <paramref name="lineTimeout"/>), until the host says it started and <paramref name="done"/>
    /// (asked of the whole log) holds; fails with the log when the bridge ends first.
    /// </summary>
    public static async Task ReadUntilStartedAsync(Process bridge, List<string> log, TimeSpan lineTimeout, Func<bool>? done = null)
    {
        while (!log.Any(l => l.Contains("Application started", StringComparison.Ordinal)) || !(done?.Invoke() ?? true))
        {
            string? line = await bridge.StandardOutput.ReadLineAsync().WaitAsync(lineTimeout);
            if (line is null)
                Assert.Fail("edge bridge run ended early:\n" + string.Join('\n', log) + await bridge.StandardError.ReadToEndAsync());
            log.Add(line!);
        }
    }
}

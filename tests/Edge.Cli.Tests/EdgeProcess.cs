using System.Diagnostics;

namespace Edge.Cli.Tests;

/// <summary>`edge` as a separate process (the built edge.dll beside the tests), for what only a real process shows: its locale, its system calls.</summary>
internal static class EdgeProcess
{
    public static CliRun Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? wrapper = null, IEnumerable<string>? wrapperArgs = null)
    {
        var start = new ProcessStartInfo(wrapper ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in wrapperArgs ?? []) start.ArgumentList.Add(a);
        if (wrapper is not null) start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edge.dll"));
        foreach (string a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"edge {string.Join(' ', args)} did not finish within 3 minutes");
        }
        return new CliRun(process.ExitCode, output.Result, error.Result);
    }
}

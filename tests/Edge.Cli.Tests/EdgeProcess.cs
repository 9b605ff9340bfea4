using System.Diagnostics;

namespace Edge.Cli.Tests;

/// <summary>`edge` as a separate process (the built edge.dll beside the tests), for what only a real process shows: its locale, its system calls.</summary>
internal static class EdgeProcess
{
    /// <summary>
    /// Set to a published `edge` (e.g. the native build) to run every CLI test against it as a separate
    /// process instead of in-process: `EDGE_CLI_UNDER_TEST=out/edge dotnet test tests/Edge.Cli.Tests`.
    /// </summary>
    public const string UnderTestVariable = "EDGE_CLI_UNDER_TEST";

    public static string? UnderTest => Environment.GetEnvironmentVariable(UnderTestVariable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>The binary under test is the native build: asked for a fleet command, it answers with the native build's refusal.</summary>
    public static bool UnderTestIsNative => s_native.Value;

    private static readonly Lazy<bool> s_native = new(() => UnderTest is not null &&
        Run(["hil", "status", "probe", "--store", Path.Combine(Path.GetTempPath(), "edge-no-such-store")]).Error.Contains("this one is the native build", StringComparison.Ordinal));

    public static CliRun Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, string? wrapper = null, IEnumerable<string>? wrapperArgs = null)
    {
        string? binary = UnderTest;
        var start = new ProcessStartInfo(wrapper ?? binary ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in wrapperArgs ?? []) start.ArgumentList.Add(a);
        if (wrapper is not null) start.ArgumentList.Add(binary ?? "dotnet");
        if (binary is null) start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edge.dll"));
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

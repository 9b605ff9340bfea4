using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Ads.Tests.Support;

/// <summary>
/// The real npm ads-client as a test peer. The package is installed once per test run into the
/// test output (<c>node-peer/</c>, reused while its version matches); scripts under
/// <c>Peer/scripts</c> drive it and print one JSON object per line.
/// </summary>
internal static class NodePeer
{
    public const string Package = "ads-client";
    public const string Version = "2.1.0";

    private static readonly string Prefix = Path.Combine(AppContext.BaseDirectory, "node-peer");
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed || InstalledVersion() == Version)
            {
                _installed = true;
                return;
            }
            Directory.CreateDirectory(Prefix);
            var (exit, output) = await RunToEndAsync("npm",
                ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", Prefix, $"{Package}@{Version}"],
                TimeSpan.FromMinutes(3));
            if (exit != 0 || InstalledVersion() != Version)
                Assert.Fail($"'npm install {Package}@{Version}' failed (exit {exit}); the peer tests need Node.js and npm with registry access:\n{output}");
            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Starts a script with arguments; lines it prints are JSON objects.</summary>
    public static NodeScript Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peer", "scripts", script));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["NODE_PATH"] = Path.Combine(Prefix, "node_modules");
        return new NodeScript(StartOrFail(start));
    }

    private static string? InstalledVersion()
    {
        var manifest = Path.Combine(Prefix, "node_modules", Package, "package.json");
        if (!File.Exists(manifest))
            return null;
        return JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>();
    }

    private static async Task<(int Exit, string Output)> RunToEndAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = StartOrFail(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{file} {string.Join(' ', arguments)}' did not finish within {timeout}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process StartOrFail(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{start.FileName}' could not be started ({e.Message}); the ads-client peer tests need Node.js 18+ and npm on PATH");
            throw;
        }
    }
}

/// <summary>A running peer script: read its JSON lines, write command lines, wait for it to end.</summary>
internal sealed class NodeScript : IAsyncDisposable
{
    private readonly Task<string> _stderr;
    private readonly List<string> _otherOutput = [];
    private readonly List<JsonObject> _backlog = [];

    public NodeScript(Process process)
    {
        Process = process;
        _stderr = process.StandardError.ReadToEndAsync(); // drained all along, so the script never blocks on it
    }

    public Process Process { get; }

    /// <summary>The next JSON line (other output is kept for failure messages); fails if the script ends or stays silent.</summary>
    public async Task<JsonObject> ReadAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                Assert.Fail($"the peer script printed no JSON in time;{await DiagnosticsAsync()}");
            string? line;
            try
            {
                line = await Process.StandardOutput.ReadLineAsync().WaitAsync(left);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"the peer script printed no JSON in time;{await DiagnosticsAsync()}");
                throw;
            }
            if (line is null)
                Assert.Fail($"the peer script ended early;{await DiagnosticsAsync()}");
            if (!line!.StartsWith('{'))
            {
                _otherOutput.Add(line);
                continue;
            }
            try
            {
                return JsonNode.Parse(line)!.AsObject();
            }
            catch (JsonException)
            {
                _otherOutput.Add(line);
            }
        }
    }

    /// <summary>
    /// The next event called <paramref name="name"/>, in printed order; events of other names read
    /// on the way are kept for later calls, so interleaved streams (two subscriptions) are not lost.
    /// </summary>
    public async Task<JsonObject> ReadEventAsync(string name, TimeSpan? timeout = null)
    {
        int kept = _backlog.FindIndex(e => e["event"]?.GetValue<string>() == name);
        if (kept >= 0)
        {
            var found = _backlog[kept];
            _backlog.RemoveAt(kept);
            return found;
        }
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var json = await ReadAsync(deadline - DateTime.UtcNow);
            string? kind = json["event"]?.GetValue<string>();
            if (kind == name)
                return json;
            if (kind == "error")
                Assert.Fail($"the peer script failed: {json.ToJsonString()}");
            _backlog.Add(json);
        }
    }

    public async Task SendAsync(string command)
    {
        await Process.StandardInput.WriteLineAsync(command);
        await Process.StandardInput.FlushAsync();
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        return Process.ExitCode;
    }

    private async Task<string> DiagnosticsAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        string stderr;
        try
        {
            stderr = await _stderr.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            stderr = "(unavailable)";
        }
        return $" exit {(Process.HasExited ? Process.ExitCode : -1)}\nother output:\n{string.Join('\n', _otherOutput)}\nstderr:\n{stderr}";
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}

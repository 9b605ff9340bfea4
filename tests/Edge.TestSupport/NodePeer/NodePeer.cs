using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Edge.TestSupport;

/// <summary>
/// The real npm ads-client as a test peer. Node.js and npm come from Debian when missing; the package is installed once per test run into the
/// test output (<c>node-peer/</c>, reused while its version matches); scripts under
/// <c>Peer/scripts</c> of the test project's output drive it and print one JSON object per line.
/// <c>peer-common.js</c> (settings, JSON output, error capture) is copied there from this project.
/// </summary>
public static class NodePeer
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
            DebianPackage.Ensure("node", "nodejs");
            string npm = DebianPackage.Ensure("npm", "npm");
            var output = new List<string>();
            int exit = ToolProcess.Run(npm,
                ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", Prefix, $"{Package}@{Version}"],
                output, TimeSpan.FromMinutes(3));
            if (exit != 0 || InstalledVersion() != Version)
                Assert.Fail($"'npm install {Package}@{Version}' failed (exit {exit}); the peer tests need Node.js and npm with registry access:\n{string.Join("\n", output)}");
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

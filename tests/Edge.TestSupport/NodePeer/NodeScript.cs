using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.TestSupport;

/// <summary>A running peer script: read its JSON lines, write command lines, wait for it to end.</summary>
public sealed class NodeScript : IAsyncDisposable
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

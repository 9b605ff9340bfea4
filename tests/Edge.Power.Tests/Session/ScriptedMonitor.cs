using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.Power.Tests.Session;

/// <summary>
/// A raw TCP peer that answers each command line with bytes written in the test (from the
/// reference's documented replies), independent of the simulator. Unknown commands get no answer.
/// </summary>
internal sealed class ScriptedMonitor : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> replies;
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public ScriptedMonitor(Dictionary<string, byte[]> replies)
    {
        this.replies = replies;
        listener.Start();
        Address = $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        serving = Task.Run(ServeAsync);
    }

    public string Address { get; }

    public List<string> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
        }
    }

    private async Task ServeAsync()
    {
        using var client = await listener.AcceptTcpClientAsync(stop.Token);
        var stream = client.GetStream();
        var line = new StringBuilder();
        var buffer = new byte[256];
        while (true)
        {
            int read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0) return;
            foreach (char c in Encoding.ASCII.GetString(buffer, 0, read))
            {
                if (c != '\n')
                {
                    line.Append(c);
                    continue;
                }
                string command = line.ToString().TrimEnd('\r');
                line.Clear();
                lock (Received) Received.Add(command);
                if (replies.TryGetValue(command, out byte[]? reply)) await stream.WriteAsync(reply, stop.Token);
            }
        }
    }
}

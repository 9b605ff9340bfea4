using System.Net;
using System.Net.Sockets;

namespace Edge.Hil.Bench.Simulated;

/// <summary>A loopback TCP port for a simulated device: accepts connections until disposed and serves each on its own task.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _accepting;

    public LoopbackServer(Func<TcpClient, CancellationToken, Task> serve)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(() => AcceptAsync(serve));
    }

    /// <summary>tcp://127.0.0.1:PORT</summary>
    public string Address { get; }

    private async Task AcceptAsync(Func<TcpClient, CancellationToken, Task> serve)
    {
        var token = _shutdown.Token;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await serve(client, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The other side went away; the next connection is served afresh.
                    }
                }
            }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _shutdown.Cancel();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _shutdown.Dispose();
    }
}

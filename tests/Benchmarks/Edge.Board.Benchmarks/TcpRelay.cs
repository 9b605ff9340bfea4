using System.Net;
using System.Net.Sockets;

namespace Edge.Board.Benchmarks;

/// <summary>
/// A TCP relay in front of a board, for a board that loses power: <see cref="PowerOff"/> stops
/// forwarding on open connections without closing them (the host's socket stays "established",
/// as it does when the far end vanishes: half open) and refuses new ones until <see cref="PowerOn"/>.
/// </summary>
sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _board;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private volatile bool _powered = true;
    private readonly Task _accepting;

    public TcpRelay(string boardAddress)
    {
        _board = boardAddress;
        _listener.Start();
        Address = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    public void PowerOff() => _powered = false;

    public void PowerOn() => _powered = true;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient host;
            try { host = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            if (!_powered) { host.Dispose(); continue; }
            Edge.Transport.ByteTransports.TryParseTcp(_board, out string boardHost, out int port);
            var board = new TcpClient { NoDelay = true };
            await board.ConnectAsync(boardHost, port);
            lock (_open) { _open.Add(host); _open.Add(board); }
            _ = PumpAsync(host.GetStream(), board.GetStream());
            _ = PumpAsync(board.GetStream(), host.GetStream());
        }
    }

    // Forwards while powered; after a power-off, swallows what arrives and sends nothing, ever.
    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[65536];
        bool dead = false;
        try
        {
            while (true)
            {
                int read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0) return;
                if (!_powered) dead = true;
                if (!dead) await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_open) foreach (var c in _open) c.Dispose();
        try { await _accepting; } catch (OperationCanceledException) { }
    }
}

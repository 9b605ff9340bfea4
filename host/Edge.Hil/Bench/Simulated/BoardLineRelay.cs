using System.Net;
using System.Net.Sockets;
using Edge.Hil.Rigs;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A loopback relay between the harness and a simulated board, where a rig's board-line fault
/// happens: in <see cref="BoardLineFaultKind.Silent"/> mode nothing passes either way (a hung
/// board), and a garbage fault inserts random bytes once into what the board sends. The board
/// behind it may be restarted on another port (<see cref="Upstream"/>).
/// </summary>
public sealed class BoardLineRelay : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _accepting;
    private readonly Random _random = new(7);
    private volatile bool _silent;
    private int _garbagePending;

    public BoardLineRelay(string upstream)
    {
        Upstream = upstream;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    /// <summary>The board's own address (tcp://127.0.0.1:PORT); new connections go there.</summary>
    public string Upstream { get; set; }

    public bool Silent
    {
        get => _silent;
        set => _silent = value;
    }

    /// <summary>Inserts <paramref name="bytes"/> random bytes into the board's next transmission.</summary>
    public void InjectGarbage(int bytes) => Interlocked.Exchange(ref _garbagePending, bytes);

    private async Task AcceptAsync()
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
            _ = Task.Run(() => RelayAsync(client, token), CancellationToken.None);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken token)
    {
        using var board = new TcpClient { NoDelay = true };
        using (client)
        {
            try
            {
                var uri = new Uri(Upstream);
                await board.ConnectAsync(uri.Host, uri.Port, token).ConfigureAwait(false);
                client.NoDelay = true;
                using var either = CancellationTokenSource.CreateLinkedTokenSource(token);
                var toBoard = PumpAsync(client.GetStream(), board.GetStream(), fromBoard: false, either.Token);
                var toHost = PumpAsync(board.GetStream(), client.GetStream(), fromBoard: true, either.Token);
                await Task.WhenAny(toBoard, toHost).ConfigureAwait(false);
                either.Cancel();
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or UriFormatException)
            {
                // A side went away: closing both tells the other.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromBoard, CancellationToken token)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int read = await from.ReadAsync(buffer, token).ConfigureAwait(false);
                if (read == 0) return;
                if (_silent) continue;
                if (fromBoard && Interlocked.Exchange(ref _garbagePending, 0) is > 0 and var count)
                {
                    var garbage = new byte[count];
                    lock (_random) _random.NextBytes(garbage);
                    await to.WriteAsync(garbage, token).ConfigureAwait(false);
                }
                await to.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
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

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
    private readonly LoopbackServer _server;
    private readonly Random _random = new(7);
    private volatile bool _silent;
    private int _garbagePending;

    public BoardLineRelay(string upstream)
    {
        Upstream = upstream;
        _server = new LoopbackServer(RelayAsync);
    }

    public string Address => _server.Address;

    /// <summary>The board's own address (tcp://127.0.0.1:PORT); new connections go there.</summary>
    public string Upstream { get; set; }

    public bool Silent
    {
        get => _silent;
        set => _silent = value;
    }

    /// <summary>Inserts <paramref name="bytes"/> random bytes into the board's next transmission.</summary>
    public void InjectGarbage(int bytes) => Interlocked.Exchange(ref _garbagePending, bytes);

    private async Task RelayAsync(TcpClient client, CancellationToken token)
    {
        using var board = new TcpClient { NoDelay = true };
        var uri = new Uri(Upstream);
        await board.ConnectAsync(uri.Host, uri.Port, token).ConfigureAwait(false);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(token);
        var toBoard = PumpAsync(client.GetStream(), board.GetStream(), fromBoard: false, either.Token);
        var toHost = PumpAsync(board.GetStream(), client.GetStream(), fromBoard: true, either.Token);
        await Task.WhenAny(toBoard, toHost).ConfigureAwait(false); // a side went away: closing both tells the other
        either.Cancel();
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

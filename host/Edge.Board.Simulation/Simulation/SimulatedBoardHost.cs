using System.Net;
using System.Net.Sockets;
using Edge.Transport.Unix;

namespace Edge.Board.Simulation;

/// <summary>
/// Puts a simulated board on a TCP port (one host at a time, as on a serial line; a new
/// connection takes over from a stale one) or on a pseudo-terminal whose /dev/pts path any
/// serial client can open.
/// </summary>
public sealed class SimulatedBoardHost : IAsyncDisposable
{
    private readonly SimulatedBoard _board;
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private PseudoTerminal? _terminal;
    private Task _serving = Task.CompletedTask;

    private SimulatedBoardHost(SimulatedBoard board) => _board = board;

    /// <summary>tcp://HOST:PORT or the pseudo-terminal's device path.</summary>
    public string Address { get; private set; } = "";

    public SimulatedBoard Board => _board;

    public static SimulatedBoardHost ListenTcp(SimulatedBoard board, IPAddress address, int port)
    {
        var host = new SimulatedBoardHost(board);
        host._listener = new TcpListener(address, port);
        host._listener.Start();
        var endpoint = (IPEndPoint)host._listener.LocalEndpoint;
        host.Address = $"tcp://{(endpoint.Address.Equals(IPAddress.Any) ? "127.0.0.1" : endpoint.Address.ToString())}:{endpoint.Port}";
        host._serving = Task.Run(host.AcceptLoop);
        return host;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static SimulatedBoardHost OpenPty(SimulatedBoard board)
    {
        var host = new SimulatedBoardHost(board);
        host._terminal = PseudoTerminal.Open();
        host.Address = host._terminal.DevicePath;
        host._serving = board.Port.Attach(host._terminal.Master);
        return host;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener!.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            client.NoDelay = true;
            _board.Port.Detach();
            var stream = client.GetStream();
            _ = _board.Port.Attach(stream).ContinueWith(_ => client.Dispose(), TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener?.Stop();
        _board.Port.Detach();
        if (OperatingSystem.IsLinux()) _terminal?.Dispose();
        try { await _serving.ConfigureAwait(false); } catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
        _stop.Dispose();
    }
}

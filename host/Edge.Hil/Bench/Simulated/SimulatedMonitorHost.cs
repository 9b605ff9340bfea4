using System.Net;
using System.Net.Sockets;
using Edge.Power.Simulation;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A simulated STLINK-V3PWR on a loopback port, measuring a simulated board (unpaced: it streams
/// as fast as the board's timeline allows). Each connection gets the faults the bench chose for
/// the attempt that opens it, so a fault can hit the first attempt and spare the retry.
/// </summary>
public sealed class SimulatedMonitorHost : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly SimulatorOptions _options;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _accepting;
    private volatile SimulatorFaults _faults = SimulatorFaults.None;

    public SimulatedMonitorHost(ICurrentProfile profile, string boardId)
    {
        _options = new SimulatorOptions { Profile = profile, RealTime = false, BoardId = boardId };
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Address = $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptAsync);
    }

    public string Address { get; }

    /// <summary>Faults for the connections opened from now on.</summary>
    public SimulatorFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

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
            client.NoDelay = true;
            var simulator = new PowerMonitorSimulator(_options with { Faults = _faults });
            // One client at a time would be the real monitor; the harness opens one per attempt and closes it before the next.
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await simulator.ServeAsync(client.GetStream(), token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
                    {
                        // The harness closed or lost the connection: the next attempt opens another.
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

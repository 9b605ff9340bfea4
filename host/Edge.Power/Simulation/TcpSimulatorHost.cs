using System.Net;
using System.Net.Sockets;

namespace Edge.Power.Simulation;

/// <summary>The simulator on a TCP port: one client at a time, later ones queue. A drop closes the socket.</summary>
public sealed class TcpSimulatorHost : ISimulatorHost
{
    private readonly TcpListener listener;
    private readonly PowerMonitorSimulator simulator;
    private readonly CancellationTokenSource shutdown = new();
    private int connections;

    private TcpSimulatorHost(PowerMonitorSimulator simulator, TcpListener listener)
    {
        this.simulator = simulator;
        this.listener = listener;
        var bound = (IPEndPoint)listener.LocalEndpoint;
        Address = bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"tcp://[{bound.Address}]:{bound.Port}" : $"tcp://{bound.Address}:{bound.Port}";
        Completion = Task.Run(AcceptLoopAsync);
    }

    public string Address { get; }

    public int Connections => Volatile.Read(ref connections);

    public Task Completion { get; }

#pragma warning disable CS0067 // A TCP address never changes.
    public event Action<string>? AddressChanged;
#pragma warning restore CS0067

    /// <summary>Listens on <paramref name="endpoint"/> (port 0 picks a free one; see <see cref="Address"/>).</summary>
    public static TcpSimulatorHost Start(PowerMonitorSimulator simulator, IPEndPoint endpoint)
    {
        var listener = new TcpListener(endpoint);
        listener.Start();
        return new TcpSimulatorHost(simulator, listener);
    }

    public async ValueTask DisposeAsync()
    {
        shutdown.Cancel();
        listener.Stop();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        shutdown.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var token = shutdown.Token;
        while (!token.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && token.IsCancellationRequested)
            {
                return;
            }
            using (client)
            {
                client.NoDelay = true;
                Interlocked.Increment(ref connections);
                await simulator.ServeAsync(client.GetStream(), token).ConfigureAwait(false);
            }
        }
    }
}

using System.Runtime.Versioning;
using Edge.Transport.Unix;

namespace Edge.Power.Simulation;

/// <summary>
/// The simulator behind a pseudo-terminal, reached like a serial device at <see cref="Address"/>.
/// As with a real USB monitor, the host closing the port does not reset the monitor; a drop
/// fault hangs the terminal up (the cable pulled) and a new one appears at a new path.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PtySimulatorHost : ISimulatorHost
{
    private readonly PowerMonitorSimulator simulator;
    private readonly CancellationTokenSource shutdown = new();
    private PseudoTerminal terminal;
    private int connections;

    private PtySimulatorHost(PowerMonitorSimulator simulator)
    {
        this.simulator = simulator;
        terminal = PseudoTerminal.Open();
        Completion = Task.Run(ServeLoopAsync);
    }

    public string Address => Volatile.Read(ref terminal).DevicePath;

    public int Connections => Volatile.Read(ref connections);

    public Task Completion { get; }

    public event Action<string>? AddressChanged;

    public static PtySimulatorHost Start(PowerMonitorSimulator simulator) => new(simulator);

    public async ValueTask DisposeAsync()
    {
        shutdown.Cancel();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        Volatile.Read(ref terminal).Dispose();
        shutdown.Dispose();
    }

    private async Task ServeLoopAsync()
    {
        var token = shutdown.Token;
        while (!token.IsCancellationRequested)
        {
            Interlocked.Increment(ref connections);
            var end = await simulator.ServeAsync(terminal.Master, token).ConfigureAwait(false);
            if (end == SimulatorSessionEnd.PeerClosed)
            {
                // Only seen if the terminal reports a hang-up; wait for the next client calmly.
                await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
                continue;
            }
            if (end != SimulatorSessionEnd.Dropped) continue;
            terminal.Dispose();
            Volatile.Write(ref terminal, PseudoTerminal.Open());
            AddressChanged?.Invoke(terminal.DevicePath);
        }
    }
}

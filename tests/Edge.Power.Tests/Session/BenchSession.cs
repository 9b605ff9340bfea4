using Edge.Power.Session;
using Edge.Power.Simulation;

namespace Edge.Power.Tests.Session;

/// <summary>A simulator host and the driver session connected to it.</summary>
internal sealed class BenchSession(ISimulatorHost host, PowerMonitor monitor) : IAsyncDisposable
{
    public ISimulatorHost Host { get; } = host;

    public PowerMonitor Monitor { get; } = monitor;

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        await Host.DisposeAsync();
    }
}

using Edge.Power.Simulation;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A simulated STLINK-V3PWR on a loopback port, measuring a simulated board (unpaced: it streams
/// as fast as the board's timeline allows). Each connection gets the faults the bench chose for
/// the attempt that opens it, so a fault can hit the first attempt and spare the retry.
/// </summary>
public sealed class SimulatedMonitorHost : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly LoopbackServer _server;
    private volatile SimulatorFaults _faults = SimulatorFaults.None;

    public SimulatedMonitorHost(ICurrentProfile profile, string boardId, ITargetSupply? supply = null)
    {
        _options = new SimulatorOptions { Profile = profile, RealTime = false, BoardId = boardId, Supply = supply };
        // One client at a time, as on the real monitor: the harness opens one session per attempt and closes it before the next.
        _server = new LoopbackServer((client, token) => new PowerMonitorSimulator(_options with { Faults = _faults }).ServeAsync(client.GetStream(), token));
    }

    public string Address => _server.Address;

    /// <summary>Faults for the connections opened from now on.</summary>
    public SimulatorFaults Faults
    {
        get => _faults;
        set => _faults = value;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

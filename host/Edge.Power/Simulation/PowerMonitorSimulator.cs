namespace Edge.Power.Simulation;

/// <summary>
/// A software STLINK-V3PWR or LPM01A: speaks the monitor's command language over any duplex
/// stream and streams samples from an <see cref="ICurrentProfile"/>. Hosts put it on TCP
/// (<see cref="TcpSimulatorHost"/>) or a pseudo-terminal (<see cref="PtySimulatorHost"/>).
/// Each connection starts from the monitor's power-on state.
/// </summary>
public sealed class PowerMonitorSimulator(SimulatorOptions options)
{
    public SimulatorOptions Options { get; } = options;

    /// <summary>Serves one client until it leaves, a drop fault fires, or <paramref name="cancellationToken"/>.</summary>
    public Task<SimulatorSessionEnd> ServeAsync(Stream stream, CancellationToken cancellationToken) =>
        new SimulatorConnection(Options, stream).RunAsync(cancellationToken);
}

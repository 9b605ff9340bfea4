using System.Net;
using Edge.Power.Backends;
using Edge.Power.Session;
using Edge.Power.Simulation;

namespace Edge.Power.Tests.Session;

/// <summary>A simulator on loopback TCP or a pty, and the options a driver uses to reach it quickly.</summary>
internal static class SimulatedBench
{
    public static readonly PeriodicInferenceProfile Profile = new(
        IdleAmps: 0.0021, ActiveAmps: 0.0237, InferenceSeconds: 0.0043, PeriodSeconds: 0.0171, FirstInferenceSeconds: 0.00237);

    public static ISimulatorHost Start(SimulatorOptions options, bool pty = false) =>
        pty && OperatingSystem.IsLinux()
            ? PtySimulatorHost.Start(new PowerMonitorSimulator(options))
            : TcpSimulatorHost.Start(new PowerMonitorSimulator(options), new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>A simulator and a driver session on it, disposed together.</summary>
    public static async Task<BenchSession> OpenAsync(SimulatorOptions options, CancellationToken cancellationToken, bool pty = false)
    {
        var host = Start(options, pty);
        try
        {
            return new BenchSession(host, await PowerMonitor.OpenAsync(host.Address, Driver(options.Model), cancellationToken));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public static PowerMonitorOptions Driver(PowerMonitorModel model) => new()
    {
        Model = model,
        VoltageSettleTime = TimeSpan.Zero,
        CommandTimeout = TimeSpan.FromSeconds(1),
        StallTimeout = TimeSpan.FromSeconds(2),
        StopQuietPeriod = TimeSpan.FromMilliseconds(300),
    };
}

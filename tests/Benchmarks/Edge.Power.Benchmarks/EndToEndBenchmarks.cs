using System.Net;
using BenchmarkDotNet.Attributes;
using Edge.Power.Backends;
using Edge.Power.Samples;
using Edge.Power.Session;
using Edge.Power.Simulation;

namespace Edge.Power.Benchmarks;

/// <summary>
/// The whole path: simulator (unpaced) → loopback TCP → link pump → decoder → sink, one second of
/// 100 kHz per operation. The simulator's encoding shares the CPU, so this is a lower bound on the driver.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private ISimulatorHost? host;
    private PowerMonitor? monitor;

    [Params(SampleFormat.Binary, SampleFormat.Ascii)]
    public SampleFormat Format { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new PowerMonitorSimulator(new SimulatorOptions { RealTime = false });
        host = TcpSimulatorHost.Start(simulator, new IPEndPoint(IPAddress.Loopback, 0));
        monitor = PowerMonitor.OpenAsync(host.Address, new PowerMonitorOptions { VoltageSettleTime = TimeSpan.Zero }).GetAwaiter().GetResult();
        monitor.ConfigureAsync(new AcquisitionSettings { Rate = SamplingRate.Hz100k, Duration = TimeSpan.FromSeconds(1), Format = Format }).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        monitor?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = StreamFixtures.Samples)]
    public async Task<long> AcquireOverTcp()
    {
        var sink = new CountingSink();
        var summary = await monitor!.AcquireAsync(sink);
        if (summary.Samples != StreamFixtures.Samples) throw new InvalidOperationException($"acquired {summary.Samples} samples");
        return summary.Samples;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Edge.Board.Simulation;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Links;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Publishing;
using Edge.PlcBridge.Service;

namespace Edge.Board.Benchmarks;

/// <summary>
/// How long the bridge takes to notice a board that lost power behind a half-open TCP connection,
/// and to have it back once it returns: the real bridge service (feed, heartbeat, watcher with its
/// retry pause) against a simulated board behind a relay that goes silent.
/// </summary>
static class HalfOpenLink
{
    public static async Task MeasureAsync(byte[] model, byte[] profile)
    {
        var inv = CultureInfo.InvariantCulture;
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg, stateFolder: null, "bench");
        await using var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        await using var relay = new TcpRelay(host.Address);
        // stale-after far away, so what is measured is the heartbeat, not staleness.
        var config = BridgeConfigLoader.Parse($"boards:\n  - name: Loom1\n    address: {relay.Address}\n    stale-after: 60s\n", Path.Combine(Path.GetTempPath(), "bench-bridge.yaml"));
        var symbols = BridgeSymbols.Create(config);
        var service = new BridgeService(config, symbols, new LinkBoardFeeds(), new BridgeMetrics());
        await service.StartAsync(default);
        try
        {
            var detect = new List<double>();
            var back = new List<double>();
            for (int round = 0; round < 3; round++)
            {
                await Until(() => service.Readings[0].Online, TimeSpan.FromSeconds(30));
                await Task.Delay(1500);
                var watch = Stopwatch.StartNew();
                relay.PowerOff();
                await Until(() => !service.Readings[0].Online, TimeSpan.FromSeconds(60));
                detect.Add(watch.Elapsed.TotalSeconds);
                await Task.Delay(TimeSpan.FromSeconds(10)); // the board stays off; the bridge retries meanwhile
                watch.Restart();
                relay.PowerOn();
                await Until(() => service.Readings[0].Online, TimeSpan.FromSeconds(60));
                back.Add(watch.Elapsed.TotalSeconds);
            }
            Console.WriteLine(string.Create(inv,
                $"half-open TCP link (board power lost, connection left open), 3 rounds: detected after {string.Join(" / ", detect.Select(s => s.ToString("0.00", inv)))} s; " +
                $"online again {string.Join(" / ", back.Select(s => s.ToString("0.00", inv)))} s after the board returned (10 s off; retry pause up to {new BridgeServiceOptions().RetryMaximum.TotalSeconds:0} s)"));
        }
        finally
        {
            await service.StopAsync(default);
        }
    }

    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit) throw new TimeoutException("the bridge did not get there in " + limit);
            await Task.Delay(5);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Metrics;

/// <summary>
/// The shipped alert rules and dashboard (plc-bridge/deploy/monitoring) against a real Prometheus
/// (Debian's package, on loopback, started and stopped here by its process id) scraping a running
/// `edge bridge run` with simulated boards: Loom3 samples 600 rows at 289 V (drift confirmed, every
/// sample anomalous, then no more samples), Loom4 keeps sampling the 164 V test set, Pump1's serial
/// port does not exist. Exactly the expected alerts fire: drift alarm, anomaly rate and stale data
/// on Loom3, offline on Pump1, nothing at all on Loom4. The rules' durations are shortened (for:
/// to 2 s, range windows to 10 s), evaluated every second; every dashboard query runs without error
/// and every metric the rules and dashboard name is one the bridge exports.
/// </summary>
[TestClass]
public sealed partial class PrometheusAlertTests
{
    private static string Monitoring => Path.Combine(RepoPaths.Root, "plc-bridge", "deploy", "monitoring");

    private static readonly (string Alert, string Board)[] Expected =
    [
        ("EdgeAnomalyRateHigh", "Loom3"), ("EdgeBoardOffline", "Pump1"), ("EdgeDriftAlarm", "Loom3"), ("EdgeStaleData", "Loom3"),
    ];

    [TestMethod]
    public async Task TheDriftingBoardsAlarmFiresAndTheCleanBoardStaysQuiet()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Inconclusive("Debian's prometheus package");
        string prometheus = DebianPackage.Ensure("/usr/bin/prometheus", "prometheus");
        using var drifting = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("alert-board"), "loom3");
        await using var driftingHost = SimulatedBoardHost.ListenTcp(drifting, IPAddress.Loopback, 0);
        await SimulatedBoards.LoadFluxMlpAsync(driftingHost.Address, drifting, rows: 600);
        using var clean = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("alert-board"), "loom4");
        await using var cleanHost = SimulatedBoardHost.ListenTcp(clean, IPAddress.Loopback, 0);
        // Two minutes of 164 V samples: the clean board is still sampling when the alerts are read.
        await SimulatedBoards.LoadFluxMlpAsync(cleanHost.Address, clean, Enumerable.Repeat(SimulatedBoards.NormalRows, 60).SelectMany(rows => rows), rowsPerSecond: 1000);

        string yaml = $"""
            features: 8
            boards:
              - name: Loom3
                address: {driftingHost.Address}
                stale-after: 5s
              - name: Loom4
                address: {cleanHost.Address}
                stale-after: 5s
              - name: Pump1
                address: /dev/ttyACM0
                stale-after: 5s
            ads:
              tcp-port: 0
              net-id: {TestBridge.NetId}
              device-name: Edge alerts
            prometheus:
              url: http://127.0.0.1:0/metrics
            """;
        string folder = RepoPaths.TempDirectory("prometheus");
        using var bridge = BridgeProcess.Start(EdgeRun.ConfigFile(yaml));
        Process? server = null;
        try
        {
            int metricsPort = await MetricsPortAsync(bridge);
            int port = FreePort();
            File.WriteAllText(Path.Combine(folder, "edge-alerts.yml"), Shortened(File.ReadAllText(Path.Combine(Monitoring, "prometheus", "edge-alerts.yml"))));
            File.WriteAllText(Path.Combine(folder, "prometheus.yml"), $"""
                global: {"{"} scrape_interval: 1s, evaluation_interval: 1s {"}"}
                rule_files: [edge-alerts.yml]
                scrape_configs:
                  - job_name: edge-bridge
                    static_configs: [{"{"} targets: ["127.0.0.1:{metricsPort}"] {"}"}]
                """);
            var start = new ProcessStartInfo(prometheus) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "--config.file=" + Path.Combine(folder, "prometheus.yml"), "--storage.tsdb.path=" + Path.Combine(folder, "data"), $"--web.listen-address=127.0.0.1:{port}" })
                start.ArgumentList.Add(argument);
            server = Process.Start(start)!;
            var serverLog = new List<string>();
            server.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (serverLog) serverLog.Add(line); };
            server.BeginErrorReadLine();
            server.BeginOutputReadLine();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

            // The rules load and evaluate without error.
            var rules = await UntilAsync(http, "api/v1/rules", data => data.GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray()).Where(r => r.GetProperty("health").GetString() == "ok").Count() == 5, serverLog);
            var names = rules.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("name").GetString()).Order().ToArray();
            CollectionAssert.AreEqual(new[] { "EdgeAnomalyRateHigh", "EdgeBoardOffline", "EdgeBridgeDown", "EdgeDriftAlarm", "EdgeStaleData" }, names);

            // Exactly the expected alerts fire, and none is even pending for the clean board.
            var alerts = await UntilAsync(http, "api/v1/alerts", data => Firing(data).SequenceEqual(Expected), serverLog, TimeSpan.FromSeconds(120));
            CollectionAssert.AreEqual(Expected, Firing(alerts).ToArray());
            Assert.IsFalse(alerts.GetProperty("alerts").EnumerateArray().Any(a => Label(a, "board") == "Loom4"), alerts.ToString());

            // The quiet board was scraped the whole time: sampling, clean, no alarm.
            Assert.AreEqual(0, await ValueAsync(http, "edge_board_drift_alarm{board=\"Loom4\"}"));
            Assert.IsGreaterThan(0, await ValueAsync(http, "rate(edge_board_samples{board=\"Loom4\"}[10s])"));
            Assert.AreEqual(1, await ValueAsync(http, "edge_board_drift_alarm{board=\"Loom3\"}"));

            // The dashboard's queries all run, and every metric it or the rules name is exported by the bridge.
            var exported = (await GetAsync(http, "api/v1/label/__name__/values")).EnumerateArray().Select(v => v.GetString()!).ToHashSet();
            string dashboard = File.ReadAllText(Path.Combine(Monitoring, "grafana", "dashboards", "edge-fleet.json"));
            var queries = JsonDocument.Parse(dashboard).RootElement.GetProperty("panels").EnumerateArray()
                .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
            Assert.IsNotEmpty(queries);
            foreach (string query in queries)
                await GetAsync(http, "api/v1/query?query=" + Uri.EscapeDataString(query.Replace("$board", ".*", StringComparison.Ordinal)));
            string rulesText = File.ReadAllText(Path.Combine(Monitoring, "prometheus", "edge-alerts.yml"));
            foreach (string metric in MetricName().Matches(dashboard + rulesText).Select(m => m.Value).Distinct())
                Assert.IsTrue(exported.Contains(metric), $"{metric} is named but not exported");
        }
        finally
        {
            if (server is { HasExited: false }) server.Kill();
            server?.WaitForExit(10_000);
            server?.Dispose();
            if (!bridge.HasExited) bridge.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The rules with their waits cut for a test: every "for:" to 2 s, every range window to 10 s.</summary>
    private static string Shortened(string rules) =>
        Regex.Replace(Regex.Replace(rules, @"for: \d+[smh]", "for: 2s"), @"\[\d+[smh]\]", "[10s]");

    private static IEnumerable<(string, string)> Firing(JsonElement data) =>
        data.GetProperty("alerts").EnumerateArray().Where(a => a.GetProperty("state").GetString() == "firing")
            .Select(a => (Label(a, "alertname")!, Label(a, "board") ?? "")).Order();

    private static string? Label(JsonElement alert, string name) =>
        alert.GetProperty("labels").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static async Task<double> ValueAsync(HttpClient http, string query)
    {
        var result = (await GetAsync(http, "api/v1/query?query=" + Uri.EscapeDataString(query))).GetProperty("result");
        Assert.AreEqual(1, result.GetArrayLength(), $"{query}: {result}");
        return double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>GETs an API path; its "data" when the status is success, else the test fails with Prometheus's error.</summary>
    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.AreEqual("success", body.GetProperty("status").GetString(), $"{path}: {body}");
        return body.GetProperty("data").Clone();
    }

    /// <summary>Polls an API path until <paramref name="done"/> holds (Prometheus evaluates on its own clock: no other hook to wait on).</summary>
    private static async Task<JsonElement> UntilAsync(HttpClient http, string path, Func<JsonElement, bool> done, List<string> log, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        JsonElement last = default;
        while (clock.Elapsed < (limit ?? TimeSpan.FromSeconds(60)))
        {
            try
            {
                last = await GetAsync(http, path);
                if (done(last)) return last;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (JsonException)
            {
                // listening, but its storage is not ready: it answers 503 "Service Unavailable" in plain text until then
            }
            await Task.Delay(500);
        }
        lock (log) Assert.Fail($"{path} never got there; last: {last}\n{string.Join('\n', log.TakeLast(20))}");
        return last;
    }

    private static async Task<int> MetricsPortAsync(Process bridge)
    {
        var log = new List<string>();
        await BridgeProcess.ReadUntilStartedAsync(bridge, log, TimeSpan.FromSeconds(60), () => log.Any(MetricsAt().IsMatch));
        int port = int.Parse(log.Select(l => MetricsAt().Match(l)).First(m => m.Success).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Keep reading, so the bridge never blocks on a full pipe.
        _ = Task.Run(async () => { while (await bridge.StandardOutput.ReadLineAsync() is not null) { } });
        _ = Task.Run(async () => { while (await bridge.StandardError.ReadLineAsync() is not null) { } });
        return port;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Prometheus metrics at http://127\.0\.0\.1:(\d+)/metrics")]
    private static partial Regex MetricsAt();

    [GeneratedRegex(@"\bedge_[a-z_]+\b")]
    private static partial Regex MetricName();
}

using Edge.Device.Drift;
using System.Globalization;
using Edge.PlcBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Tests.Metrics;

/// <summary>
/// /metrics, fetched over HTTP and read with a parser of the text exposition format: the same
/// values the boards sent, labelled by board (and feature), and the ADS server's counters.
/// </summary>
[TestClass]
public sealed class PrometheusScrapeTests
{
    [TestMethod]
    public async Task AScrapeCarriesWhatTheBoardsSent()
    {
        await using var bridge = await TestBridge.StartAsync();
        var loom = Snapshots.Random("Loom3", seed: 11, features: 12); // more than the 8 slots: all reach Prometheus
        var pump = Snapshots.Random("Pump1", seed: 12, features: 3) with { Online = false, LastError = "link down" };
        bridge.Feeds["Loom3"].Push(loom);
        bridge.Feeds["Pump1"].Push(pump);

        var (scrape, contentType) = await ScrapeUntilAsync(bridge, s => s.Find("edge_board_updates").Length == 2 && s.Find("edge_board_updates").All(u => u.Value == 1));

        StringAssert.StartsWith(contentType, "text/plain; version=0.0.4");
        Assert.AreEqual(1, scrape.Value("edge_board_online", ("board", "Loom3")));
        Assert.AreEqual(0, scrape.Value("edge_board_online", ("board", "Pump1")));
        Assert.AreEqual(0, scrape.Value("edge_board_stale", ("board", "Loom3")));
        Assert.AreEqual(1, scrape.Value("edge_board_error", ("board", "Pump1")));
        foreach (var s in new[] { loom, pump })
        {
            var board = ("board", s.Board);
            Assert.AreEqual(s.AnomalyRate, scrape.Value("edge_board_anomaly_rate", board));
            Assert.AreEqual(s.DriftScore, scrape.Value("edge_board_drift_score", board));
            Assert.AreEqual(s.DriftAlarm ? 1 : 0, scrape.Value("edge_board_drift_alarm", board));
            Assert.AreEqual(s.WindowsCompleted, scrape.Value("edge_board_windows_completed", board));
            Assert.AreEqual(s.Samples, scrape.Value("edge_board_samples", board));
            Assert.AreEqual(s.Inferences, scrape.Value("edge_board_inferences", board));
            Assert.AreEqual(s.Anomalies, scrape.Value("edge_board_anomalies", board));
            Assert.AreEqual(s.MissingValues, scrape.Value("edge_board_missing_values", board));
            Assert.AreEqual(s.InferenceMicrosMean / 1e6, scrape.Value("edge_board_inference_mean_seconds", board));
            Assert.AreEqual(s.InferenceMicrosMax / 1e6, scrape.Value("edge_board_inference_max_seconds", board));
            Assert.AreEqual(s.LastSeen!.Value.ToUnixTimeMilliseconds() / 1000.0, scrape.Value("edge_board_last_seen_timestamp_seconds", board), 1e-3);
            Assert.AreEqual(1, scrape.Value("edge_board_model_info", board, ("model_id", s.ModelId)));
            foreach (var verdict in new[] { "clean", "drifting", "confirmed", "anomaly-burst", "unknown" })
                Assert.AreEqual(verdict == WindowVerdict.Name(s.Verdict) ? 1 : 0, scrape.Value("edge_board_verdict", board, ("verdict", verdict)), $"{s.Board} verdict {verdict}");
            Assert.HasCount(s.FeatureDrift.Count, scrape.Find("edge_board_feature_drift", board));
            for (int i = 0; i < s.FeatureDrift.Count; i++)
            {
                var feature = ("feature", s.FeatureNames[i]);
                var index = ("index", i.ToString(CultureInfo.InvariantCulture));
                Assert.AreEqual(s.FeatureDrift[i], scrape.Value("edge_board_feature_drift", board, feature, index));
                Assert.AreEqual(s.FeatureDrifted[i] ? 1 : 0, scrape.Value("edge_board_feature_drifted", board, feature, index));
                Assert.AreEqual(s.FeatureMissing[i], scrape.Value("edge_board_feature_missing", board, feature, index));
            }
        }
        foreach (var gauge in new[] { "edge_board_online", "edge_board_anomaly_rate", "edge_board_feature_drift", "edge_board_samples" })
            Assert.AreEqual("gauge", scrape.Types[gauge], gauge);
    }

    [TestMethod]
    public async Task FeaturesAndModelsTheBoardNoLongerReportsDisappear()
    {
        await using var bridge = await TestBridge.StartAsync();
        var before = Snapshots.Random("Loom3", seed: 1, features: 5);
        bridge.Feeds["Loom3"].Push(before);
        await ScrapeUntilAsync(bridge, s => s.Find("edge_board_feature_drift", ("board", "Loom3")).Length == 5);

        var after = Snapshots.Random("Loom3", seed: 2, features: 3); // another model, fewer features
        bridge.Feeds["Loom3"].Push(after);
        var (scrape, _) = await ScrapeUntilAsync(bridge, s => s.Find("edge_board_feature_drift", ("board", "Loom3")).Length == 3);

        CollectionAssert.AreEquivalent(after.FeatureNames.ToArray(), scrape.Find("edge_board_feature_drift", ("board", "Loom3")).Select(x => x.Labels["feature"]).ToArray());
        Assert.HasCount(3, scrape.Find("edge_board_feature_drifted", ("board", "Loom3")));
        var models = scrape.Find("edge_board_model_info", ("board", "Loom3"));
        Assert.HasCount(1, models);
        Assert.AreEqual(after.ModelId, models[0].Labels["model_id"]);
    }

    [TestMethod]
    public async Task BoardsWithoutTelemetryExportStateButNoMadeUpValues()
    {
        await using var bridge = await TestBridge.StartAsync();

        var (scrape, _) = await ScrapeUntilAsync(bridge, s => s.Find("edge_board_stale").Length == 2);

        Assert.AreEqual(1, scrape.Value("edge_board_stale", ("board", "Loom3")));
        Assert.AreEqual(0, scrape.Value("edge_board_online", ("board", "Loom3")));
        Assert.AreEqual(1, scrape.Value("edge_board_verdict", ("board", "Loom3"), ("verdict", "unknown")));
        Assert.IsEmpty(scrape.Find("edge_board_anomaly_rate"), "no zeros for values never measured");
    }

    [TestMethod]
    public async Task TheAdsServersCountersAndAcknowledgesAreCounted()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        bridge.Feeds["Loom3"].Push(Snapshots.Random("Loom3", seed: 1, features: 2));
        await plc.ReadUntilAsync("Loom3", b => (bool)b["Online"], "online");
        await Edge.Ads.Client.AdsClientCommands.WriteAsync(plc.Client, 0x4040, plc.OffsetOf("Loom3", "AlarmAck"), new byte[] { 1 });
        bridge.StepOneCheck();
        await Eventually.TrueAsync(() => bridge.Feeds["Loom3"].Acknowledges == 1, "acknowledged");

        var (scrape, _) = await ScrapeUntilAsync(bridge, s => s.Find("edge_board_alarm_acknowledges_total").Length == 1);

        Assert.AreEqual(1, scrape.Value("edge_ads_connections"));
        Assert.IsGreaterThanOrEqualTo(1, scrape.Value("edge_ads_connections_accepted_total"));
        Assert.IsGreaterThanOrEqualTo(2, scrape.Value("edge_ads_frames_received_total"), "the reads and the write");
        Assert.AreEqual("counter", scrape.Types["edge_ads_frames_received_total"]);
        Assert.AreEqual(1, scrape.Value("edge_board_alarm_acknowledges_total", ("board", "Loom3"), ("result", "forwarded")));
    }

    [TestMethod]
    public async Task RefusalsAndDroppedNotificationsOfTheAdsServerAreCounted()
    {
        string yaml = TestBridge.Yaml().Replace("  write-enabled:", "  limits: { max-handles: 1, max-queued-bytes: 65536 }\n  write-enabled:", StringComparison.Ordinal);
        await using var bridge = await TestBridge.StartAsync(yaml);
        await using var client = await bridge.ConnectAsync();
        foreach (var name in new[] { "Loom3", "Pump1" })
            await Edge.Ads.Client.AdsClientCommands.ReadWriteAsync(client, Edge.Ads.Protocol.AdsIndexGroup.SymbolHandleByName, 0, 4, Edge.Ads.Messages.AdsRequestEncoder.Name(name));

        // A client that subscribes cyclically to a board and never reads its socket.
        using var deaf = new System.Net.Sockets.TcpClient { ReceiveBufferSize = 4096 };
        await deaf.ConnectAsync(System.Net.IPAddress.Loopback, bridge.Port);
        var add = new Edge.Ads.Framing.AdsBufferWriter();
        Edge.Ads.Messages.AdsRequestEncoder.WriteAddNotification(add, new Edge.Ads.Messages.AdsAddNotificationRequest(
            0x4040, 0, (uint)bridge.Symbols.Map.Layout.ByteSize, Edge.Ads.Protocol.AdsTransMode.Cyclic, 0, (uint)TimeSpan.FromMilliseconds(10).Ticks));
        for (uint i = 0; i < 100; i++)
        {
            var header = new Edge.Ads.Ams.AmsHeader(new(TestBridge.NetId, 25000), TestBridge.ClientAddress with { Port = 40000 }, Edge.Ads.Protocol.AdsCommandId.AddDeviceNotification,
                Edge.Ads.Ams.AmsStateFlags.Request, 0, Edge.Ads.Protocol.AdsErrorCode.NoError, i);
            await deaf.GetStream().WriteAsync(Edge.Ads.Framing.AmsFrame.CreateAds(header, add.WrittenSpan));
        }

        var (scrape, _) = await ScrapeUntilAsync(bridge, s => s.Value("edge_ads_notifications_dropped_total") > 0);

        Assert.AreEqual(1, scrape.Value("edge_ads_limit_refusals_total"), "the second handle");
        Assert.AreEqual("counter", scrape.Types["edge_ads_notifications_dropped_total"]);
        Assert.AreEqual("gauge", scrape.Types["edge_ads_queued_bytes"]);
        Assert.IsLessThanOrEqualTo(2 * (65536.0 + 1024 * 1024), scrape.Value("edge_ads_queued_bytes"), "each connection's outbox stays at its bound");
        foreach (var counter in new[] { "edge_ads_connections_timed_out_total", "edge_ads_accept_failures_total", "edge_ads_log_lines_suppressed_total", "edge_ads_connections_rejected_total" })
            Assert.AreEqual("counter", scrape.Types[counter], counter);
        await Eventually.TrueAsync(() => bridge.Logs.Contains(LogLevel.Warning, "notification samples dropped ("), "the drops are logged too");
    }

    private static async Task<(PrometheusText Scrape, string ContentType)> ScrapeUntilAsync(TestBridge bridge, Func<PrometheusText, bool> ready)
    {
        using var http = new HttpClient();
        return await Eventually.ValueAsync(async () =>
            {
                using var response = await http.GetAsync(bridge.MetricsUrl);
                response.EnsureSuccessStatusCode();
                return (PrometheusText.Parse(await response.Content.ReadAsStringAsync()), response.Content.Headers.ContentType!.ToString());
            },
            scrape => ready(scrape.Item1),
            scrape => "the scrape never showed what the test waits for:\n" + string.Join('\n', scrape.Item1.Samples.Select(s => $"{s.Name} {s.Value}")));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Device.Drift;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Alerts;

/// <summary>
/// The webhook route against a real HTTP listener on loopback (HttpListener), fed by scripted
/// boards: what arrives (fields, headers, signature), once per transition and across a restart,
/// retries after failures, dead letters for what never gets through, and a receiver that hangs
/// without holding up the ADS service. "At most once" is shown by state: the counts after every
/// snapshot was published and the dispatcher is idle, never by waiting to see nothing more come.
/// </summary>
[TestClass]
public sealed class WebhookAlertTests
{
    [TestMethod]
    public async Task AnAlarmIsSentOnceWithTheBoardsFiguresAndNotAgainAfterARestart()
    {
        string folder = RepoPaths.TempDirectory("alerts");
        using var receiver = new WebhookReceiver(_ => 200);
        string yaml = AlertBridges.Yaml(folder, AlertBridges.Webhook("ops", receiver.Url, extra: """
                  secret: s3cret
                  headers:
                    Authorization: Bearer abc123
            """));
        var raised = Snapshots.Random("Loom3", seed: 7, features: 8) with { DriftAlarm = true };
        await using (var bridge = await TestBridge.StartAsync(yaml))
        {
            // Twenty snapshots with the alarm raised: one transition, one event.
            for (int i = 0; i < 20; i++)
                bridge.Feeds["Loom3"].Push(raised with { Samples = raised.Samples + i });
            await bridge.DrainAsync("Loom3", 20);
            Assert.AreEqual(new Edge.PlcBridge.Alerts.Dispatch.AlertRouteStatistics("ops", 1, 1, 0, 0, 0, 0), bridge.Route("ops"));
        }
        var first = receiver.Requests.Single();
        Assert.AreEqual("POST", first.Method);
        Assert.AreEqual("/hooks/edge", first.Path);
        StringAssert.StartsWith(first.ContentType, "application/json");
        Assert.AreEqual("Bearer abc123", first.Headers["Authorization"]);
        Assert.AreEqual("Loom3/drift-alarm/1", first.Headers["X-Edge-Event-Id"]);
        Assert.AreEqual("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8, first.Body)), first.Headers["X-Edge-Signature"]);

        var json = first.Json;
        Assert.AreEqual("Loom3/drift-alarm/1", json.GetProperty("id").GetString());
        Assert.AreEqual("drift-alarm", json.GetProperty("kind").GetString());
        Assert.AreEqual("raised", json.GetProperty("transition").GetString());
        Assert.AreEqual(1, json.GetProperty("sequence").GetInt64());
        Assert.AreEqual("Loom3", json.GetProperty("board").GetString());
        Assert.AreEqual(raised.ModelId, json.GetProperty("model").GetString());
        string time = json.GetProperty("time").GetString()!;
        StringAssert.EndsWith(time, "Z", "UTC, ISO 8601");
        var at = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.AreEqual(DateTimeKind.Utc, at.Kind);
        Assert.IsLessThan(TimeSpan.FromMinutes(5), (DateTime.UtcNow - at).Duration());
        var metrics = json.GetProperty("metrics");
        Assert.AreEqual(raised.WindowsCompleted, metrics.GetProperty("window").GetInt64());
        Assert.AreEqual(raised.DriftScore, metrics.GetProperty("driftScore").GetDouble());
        Assert.AreEqual(raised.AnomalyRate, metrics.GetProperty("anomalyRate").GetDouble());
        Assert.AreEqual(raised.Samples, metrics.GetProperty("samples").GetInt64(), "the snapshot that raised it, not a later one");
        Assert.AreEqual(WindowVerdictName(raised.Verdict), metrics.GetProperty("verdict").GetString());
        Assert.IsTrue(metrics.GetProperty("driftAlarm").GetBoolean());
        Assert.AreEqual("idle", metrics.GetProperty("captureState").GetString());
        var drifted = metrics.GetProperty("driftedFeatures").EnumerateArray().ToArray();
        var expected = Enumerable.Range(0, 8).Where(i => raised.FeatureDrifted[i]).ToArray();
        CollectionAssert.AreEqual(expected, drifted.Select(f => f.GetProperty("index").GetInt32()).ToArray());
        foreach (var feature in drifted)
        {
            int i = feature.GetProperty("index").GetInt32();
            Assert.AreEqual(raised.FeatureNames[i], feature.GetProperty("name").GetString());
            Assert.AreEqual(raised.FeatureSaturated[i], feature.GetProperty("saturated").GetBoolean());
            if (raised.FeatureSaturated[i])
                Assert.IsFalse(feature.TryGetProperty("statistic", out _), "a saturated statistic is only a bound: no number");
            else
                Assert.AreEqual(raised.FeatureDrift[i], feature.GetProperty("statistic").GetDouble());
        }
        Assert.IsTrue(expected.Contains(1), "premise: the saturated feature 1 is among the drifted ones");
        var thresholds = json.GetProperty("thresholds");
        Assert.AreEqual(3600, thresholds.GetProperty("staleAfterSeconds").GetDouble());
        Assert.IsFalse(thresholds.TryGetProperty("driftShare", out _), "no profile configured: the policy's thresholds are not known");

        // A new bridge on the same state file: the alarm still raised is not sent again; clearing it is the next event.
        await using (var bridge = await TestBridge.StartAsync(yaml))
        {
            for (int i = 0; i < 5; i++)
                bridge.Feeds["Loom3"].Push(raised with { Samples = raised.Samples + 100 + i });
            bridge.Feeds["Loom3"].Push(raised with { DriftAlarm = false });
            await bridge.DrainAsync("Loom3", 6);
            Assert.AreEqual(1, bridge.Route("ops").Delivered);
        }
        var events = receiver.Requests.Select(r => r.Json).ToArray();
        CollectionAssert.AreEqual(new[] { "Loom3/drift-alarm/1", "Loom3/drift-alarm/2" }, events.Select(e => e.GetProperty("id").GetString()).ToArray());
        Assert.AreEqual("cleared", events[1].GetProperty("transition").GetString());
        Assert.IsFalse(events[1].GetProperty("metrics").GetProperty("driftAlarm").GetBoolean());
    }

    [TestMethod]
    public async Task OfflineOnlineAndFrozenCapturesAreEventsInTheOrderTheyHappened()
    {
        string folder = RepoPaths.TempDirectory("alerts");
        using var receiver = new WebhookReceiver(_ => 204);
        await using var bridge = await TestBridge.StartAsync(AlertBridges.Yaml(folder, AlertBridges.Webhook("ops", receiver.Url)));
        var loom = bridge.Feeds["Loom3"];
        var clean = Snapshots.Random("Loom3", seed: 3, features: 4) with { DriftAlarm = false };
        loom.Push(clean); // online, no alarm, capture idle: a first state that is fine is only recorded
        await bridge.DrainAsync("Loom3", 1);
        Assert.AreEqual(0, bridge.Route("ops").Accepted);

        loom.Fail(new IOException("connection reset by peer"));
        await Eventually.TrueAsync(() => !bridge.Reading("Loom3").Online, "offline after the feed failed");
        bridge.StepPastRetry();
        loom.Push(clean with { Capture = CaptureState.Frozen });
        loom.Push(clean with { Capture = CaptureState.Idle });
        loom.Push(clean with { Capture = CaptureState.Armed });
        loom.Push(clean with { Capture = CaptureState.Frozen });
        await bridge.DrainAsync("Loom3", 5);

        var events = receiver.Requests.Select(r => r.Json).ToArray();
        CollectionAssert.AreEqual(
            new[] { "Loom3/board-offline/1 offline", "Loom3/board-offline/2 online", "Loom3/capture-ready/1 ready", "Loom3/capture-ready/2 ready" },
            events.Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("transition").GetString()}").ToArray());
        var offline = events[0].GetProperty("metrics");
        Assert.IsFalse(offline.GetProperty("online").GetBoolean());
        Assert.AreEqual("feed: connection reset by peer", offline.GetProperty("error").GetString());
        Assert.AreEqual("frozen", events[2].GetProperty("metrics").GetProperty("captureState").GetString());
        Assert.AreEqual(4, bridge.Route("ops").Delivered);
    }

    [TestMethod]
    public async Task AReceiverThatFailsTwiceGetsTheSameEventAThirdTimeAndNoDeadLetter()
    {
        string folder = RepoPaths.TempDirectory("alerts");
        using var receiver = new WebhookReceiver(n => n <= 2 ? 503 : 200);
        await using var bridge = await TestBridge.StartAsync(AlertBridges.Yaml(folder, AlertBridges.Webhook("ops", receiver.Url, retries: 3)));
        bridge.Feeds["Loom3"].Push(Snapshots.Random("Loom3", seed: 1, features: 4) with { DriftAlarm = true });
        await bridge.DrainAsync("Loom3", 1);

        var requests = receiver.Requests;
        Assert.HasCount(3, requests);
        Assert.IsTrue(requests.All(r => r.Body.AsSpan().SequenceEqual(requests[0].Body)), "every attempt carries the same event");
        Assert.IsTrue(requests.All(r => r.Headers["X-Edge-Event-Id"] == "Loom3/drift-alarm/1"));
        var stats = bridge.Route("ops");
        Assert.AreEqual((1L, 1L, 0L, 2L, 0L), (stats.Accepted, stats.Delivered, stats.DeadLettered, stats.FailedAttempts, stats.Pending));
        Assert.IsFalse(Directory.Exists(Path.Combine(folder, "dead-letters")) && Directory.EnumerateFiles(Path.Combine(folder, "dead-letters")).Any());
    }

    [TestMethod]
    public async Task AReceiverThatAlwaysFailsLeavesTheEventInTheDeadLetterFolder()
    {
        string folder = RepoPaths.TempDirectory("alerts");
        using var failing = new WebhookReceiver(_ => 500);
        using var refusing = new WebhookReceiver(_ => 400);
        string routes = AlertBridges.Webhook("ops", failing.Url, retries: 2) + AlertBridges.Webhook("chat", refusing.Url, retries: 5);
        await using var bridge = await TestBridge.StartAsync(AlertBridges.Yaml(folder, routes));
        bridge.Feeds["Loom3"].Push(Snapshots.Random("Loom3", seed: 2, features: 4) with { DriftAlarm = true });
        await bridge.DrainAsync("Loom3", 1);

        Assert.HasCount(3, failing.Requests, "the first attempt and two retries");
        Assert.HasCount(1, refusing.Requests, "400 is refused for good: no retry");
        var letters = Directory.GetFiles(Path.Combine(folder, "dead-letters")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(new[] { "chat-Loom3-drift-alarm-1.json", "ops-Loom3-drift-alarm-1.json" }, letters);

        var ops = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "dead-letters", "ops-Loom3-drift-alarm-1.json"))).RootElement;
        Assert.AreEqual("ops", ops.GetProperty("route").GetString());
        Assert.AreEqual(3, ops.GetProperty("attempts").GetInt32());
        StringAssert.Contains(ops.GetProperty("lastError").GetString(), "answered 500");
        Assert.AreEqual(failing.Requests[0].Json.GetRawText(), ops.GetProperty("event").GetRawText(), "the letter holds the event as it was sent");
        var chat = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "dead-letters", "chat-Loom3-drift-alarm-1.json"))).RootElement;
        Assert.AreEqual(1, chat.GetProperty("attempts").GetInt32());
        StringAssert.Contains(chat.GetProperty("lastError").GetString(), "answered 400");
        Assert.AreEqual((0L, 1L, 3L), (bridge.Route("ops").Delivered, bridge.Route("ops").DeadLettered, bridge.Route("ops").FailedAttempts));
        Assert.AreEqual((0L, 1L, 1L), (bridge.Route("chat").Delivered, bridge.Route("chat").DeadLettered, bridge.Route("chat").FailedAttempts));

        var scrape = PrometheusText.Parse(await new HttpClient().GetStringAsync(bridge.MetricsUrl));
        Assert.AreEqual(1, scrape.Value("edge_alert_deliveries_total", ("route", "ops"), ("result", "dead_lettered")));
        Assert.AreEqual(3, scrape.Value("edge_alert_failed_attempts_total", ("route", "ops")), "every attempt failed");
    }

    [TestMethod]
    public async Task AReceiverThatNeverAnswersDelaysNoAdsReadAndAFullQueueDropsAndCounts()
    {
        string folder = RepoPaths.TempDirectory("alerts");
        using var silent = new WebhookReceiver(_ => null);
        var bridge = await TestBridge.StartAsync(AlertBridges.Yaml(folder, AlertBridges.Webhook("ops", silent.Url, retries: 0, timeout: "10m"), queue: 2));
        try
        {
            await using var plc = await PlcView.ConnectAsync(bridge);
            var loom = bridge.Feeds["Loom3"];
            var snapshot = Snapshots.Random("Loom3", seed: 4, features: 4);
            loom.Push(snapshot with { DriftAlarm = true });
            await silent.WaitForAsync(1); // the first event is now stuck at the receiver

            // Six more transitions while the receiver hangs: each is published at once and readable over ADS.
            for (int i = 1; i <= 6; i++)
            {
                loom.Push(snapshot with { DriftAlarm = i % 2 == 0, Samples = 1000 + i });
                var image = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1 + i, $"snapshot {1 + i} published");
                Assert.AreEqual((ulong)(1000 + i), image["Samples"]);
                Assert.AreEqual(i % 2 == 0, (bool)image["DriftAlarm"]);
            }
            // The route judges each transition after the snapshot is published: wait until it has judged all seven.
            await Eventually.TrueAsync(() => bridge.Route("ops").Accepted + bridge.Route("ops").Dropped == 7, "all seven transitions routed");
            var stats = bridge.Route("ops");
            Assert.AreEqual((3L, 4L, 0L, 3L), (stats.Accepted, stats.Dropped, stats.Delivered, stats.Pending), "one stuck, two queued, four dropped");
            Assert.HasCount(1, silent.Requests);
            var scrape = PrometheusText.Parse(await new HttpClient().GetStringAsync(bridge.MetricsUrl));
            Assert.AreEqual(4, scrape.Value("edge_alert_deliveries_total", ("route", "ops"), ("result", "dropped")));
            Assert.AreEqual(3, scrape.Value("edge_alert_queued", ("route", "ops")));
        }
        finally
        {
            // Stopping does not wait for the receiver: what was stuck or queued becomes dead letters.
            await bridge.DisposeAsync();
        }
        var letters = Directory.GetFiles(Path.Combine(folder, "dead-letters")).Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement).ToArray();
        CollectionAssert.AreEquivalent(new[] { "Loom3/drift-alarm/1 1", "Loom3/drift-alarm/2 0", "Loom3/drift-alarm/3 0" },
            letters.Select(l => $"{l.GetProperty("event").GetProperty("id").GetString()} {l.GetProperty("attempts").GetInt32()}").ToArray());
    }

    private static string WindowVerdictName(byte verdict) => BoardSnapshot.VerdictName(verdict);
}

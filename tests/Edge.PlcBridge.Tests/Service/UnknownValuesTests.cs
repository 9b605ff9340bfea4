using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>
/// Issue 12, "unknown shown as 0": after a (re)connect the board's status (its alarm among it)
/// arrives before any window report, and drift score, anomaly rate and per-feature drift read 0
/// while the alarm read TRUE. What is not known is said so: WindowValid on ADS, no series in
/// Prometheus; a statistic known only as a bound is flagged.
/// </summary>
[TestClass]
public sealed class UnknownValuesTests
{
    [TestMethod]
    public async Task WindowFiguresNotKnownYetAreFlaggedNotZero()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var known = Snapshots.Random("Loom3", seed: 4, features: 3);
        var statusOnly = known with { WindowValid = false, DriftAlarm = true };
        bridge.Feeds["Loom3"].Push(statusOnly);

        var board = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1, "the status arrived");
        Assert.IsTrue((bool)board["DriftAlarm"]);
        Assert.IsTrue((bool)board["StatusValid"]);
        Assert.IsFalse((bool)board["WindowValid"], "the window figures are not known: not 0");
        Assert.AreEqual((byte)255, board["Verdict"]);
        var scrape = await Scrape(bridge);
        Assert.AreEqual(1, scrape.Value("edge_board_drift_alarm", ("board", "Loom3")));
        Assert.IsEmpty(scrape.Find("edge_board_anomaly_rate", ("board", "Loom3")), "no sample rather than a 0 nobody measured");
        Assert.IsEmpty(scrape.Find("edge_board_drift_score", ("board", "Loom3")));
        Assert.IsEmpty(scrape.Find("edge_board_feature_drift", ("board", "Loom3")));
        Assert.AreEqual(1, scrape.Value("edge_board_verdict", ("board", "Loom3"), ("verdict", "unknown")));

        bridge.Feeds["Loom3"].Push(known);
        board = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 2, "the window arrived");
        Assert.IsTrue((bool)board["WindowValid"]);
        Assert.AreEqual((float)known.DriftScore, board["DriftScore"]);
        Assert.AreEqual(known.Verdict, board["Verdict"]);
        // Feature 1 of the seeded snapshot is saturated: a lower bound beside its flag on ADS, +Inf in Prometheus.
        CollectionAssert.AreEqual(new[] { false, true, false }, ((bool[])board["FeatureSaturated"]).Take(3).ToArray());
        Assert.AreEqual(32768f, ((float[])board["FeatureDrift"])[1]);
        scrape = await Scrape(bridge);
        Assert.AreEqual(known.DriftScore, scrape.Value("edge_board_drift_score", ("board", "Loom3")));
        Assert.AreEqual(double.PositiveInfinity, scrape.Value("edge_board_feature_drift", ("board", "Loom3"), ("feature", known.FeatureNames[1]), ("index", "1")));
    }

    private static async Task<PrometheusText> Scrape(TestBridge bridge)
    {
        using var http = new HttpClient();
        return PrometheusText.Parse(await http.GetStringAsync(bridge.MetricsUrl));
    }
}

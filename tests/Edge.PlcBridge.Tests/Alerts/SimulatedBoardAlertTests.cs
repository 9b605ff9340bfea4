using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.PlcBridge.Links;
using Edge.PlcBridge.Tests.Links;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Alerts;

/// <summary>
/// Alerts through the real board link: a simulated board runs flux_mlp and the motor-flux profile on
/// 289 V samples until drift is confirmed and its retraining capture frozen; the bridge (configured
/// with the same profile) watches it and a serial board that does not exist. A real HTTP listener
/// gets exactly three events, and each figure in them equals what the board itself holds: its model,
/// its last window, each drifted feature's statistic, and the thresholds of the profile it runs.
/// </summary>
[TestClass]
public sealed class SimulatedBoardAlertTests
{
    [TestMethod]
    public async Task ADriftingBoardsAlarmAndCaptureAndAMissingBoardReachTheWebhookWithTheBoardsOwnFigures()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("alert-board"), "loom3");
        await using var boardHost = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
        string modelId = await SimulatedBoards.LoadFluxMlpAsync(boardHost.Address, board, rows: 600);
        await Eventually.TrueAsync(() => board.Runtime.Rows.Samples == 600, "the board sampled its 600 rows", TimeSpan.FromSeconds(60));
        var drift = board.Runtime.Rows.Drift!;
        Assert.IsTrue(drift.Policy.Alarm, "premise: the 289 V rows confirm drift");
        Assert.AreEqual(CaptureState.Frozen, drift.Capture.State, "premise: the capture froze");

        string folder = RepoPaths.TempDirectory("alerts");
        string profile = Path.Combine(folder, "motor.edgp");
        File.WriteAllBytes(profile, SimulatedBoards.ProfileBytes);
        using var receiver = new WebhookReceiver(_ => 200);
        string yaml = AlertBridges.Yaml(folder, AlertBridges.Webhook("ops", receiver.Url))
            .Replace("features: 8", $"features: {drift.Profile.Columns.Length}", StringComparison.Ordinal)
            .Replace("    address: tcp://127.0.0.1:4711", $"    address: {boardHost.Address}\n    profile: {profile}", StringComparison.Ordinal);
        await using var bridge = await TestBridge.StartAsync(yaml, new LinkBoardFeeds(), new ScriptedFeeds());

        var requests = await receiver.WaitForAsync(3);
        // At most once, by state: a few more status records judged, everything handed over, still three.
        long updates = bridge.Reading("Loom3").Updates;
        await Eventually.TrueAsync(() => bridge.Reading("Loom3").Updates >= updates + 3, "three more status records", TimeSpan.FromSeconds(30));
        await bridge.Alerts().WhenIdleAsync();
        Assert.AreEqual((3L, 3L), (bridge.Route("ops").Accepted, bridge.Route("ops").Delivered));
        var events = receiver.Requests.Select(r => r.Json).ToDictionary(e => e.GetProperty("id").GetString()!);
        CollectionAssert.AreEquivalent(new[] { "Loom3/drift-alarm/1", "Loom3/capture-ready/1", "Pump1/board-offline/1" }, events.Keys.ToArray());

        var report = drift.LastWindow;
        var raised = events["Loom3/drift-alarm/1"];
        Assert.AreEqual("raised", raised.GetProperty("transition").GetString());
        Assert.AreEqual(modelId, raised.GetProperty("model").GetString());
        var metrics = raised.GetProperty("metrics");
        Assert.AreEqual(600, metrics.GetProperty("samples").GetInt64());
        Assert.AreEqual(drift.WindowsCompleted, metrics.GetProperty("window").GetInt64());
        Assert.AreEqual(Q16.ToDouble(report.DriftShareQ16), metrics.GetProperty("driftScore").GetDouble());
        Assert.AreEqual((double)report.Anomalies / report.Samples, metrics.GetProperty("anomalyRate").GetDouble());
        Assert.AreEqual(WindowVerdict.Name(drift.Policy.LastVerdict), metrics.GetProperty("verdict").GetString());
        var columns = drift.Profile.Columns;
        var drifted = metrics.GetProperty("driftedFeatures").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(0, columns.Length).Where(c => report.Drifted[c]).ToArray(), drifted.Select(f => f.GetProperty("index").GetInt32()).ToArray());
        Assert.IsNotEmpty(drifted);
        foreach (var feature in drifted)
        {
            int c = feature.GetProperty("index").GetInt32();
            Assert.AreEqual(columns[c].Name, feature.GetProperty("name").GetString());
            Assert.AreEqual(Q16.ToDouble(columns[c].ThresholdQ16), feature.GetProperty("threshold").GetDouble());
            int q16 = SimulatedBoardPublishingTests.Statistic(columns[c].Test, report, c);
            if (q16 == DriftReport.Saturated)
                Assert.IsTrue(feature.GetProperty("saturated").GetBoolean());
            else
                Assert.AreEqual(Q16.ToDouble(q16), feature.GetProperty("statistic").GetDouble(), columns[c].Name);
        }
        var thresholds = raised.GetProperty("thresholds");
        Assert.AreEqual(Q16.ToDouble(drift.Profile.Policy.DriftShareQ16), thresholds.GetProperty("driftShare").GetDouble());
        Assert.AreEqual(drift.Profile.Policy.ConsecutiveWindows, thresholds.GetProperty("consecutiveWindows").GetInt32());
        Assert.AreEqual(Q16.ToDouble(drift.Profile.Policy.BurstRateQ16), thresholds.GetProperty("anomalyBurstRate").GetDouble());
        Assert.AreEqual(64, thresholds.GetProperty("captureRows").GetInt32());

        var capture = events["Loom3/capture-ready/1"];
        Assert.AreEqual("ready", capture.GetProperty("transition").GetString());
        Assert.AreEqual("frozen", capture.GetProperty("metrics").GetProperty("captureState").GetString());
        Assert.AreEqual(modelId, capture.GetProperty("model").GetString());

        var offline = events["Pump1/board-offline/1"];
        Assert.AreEqual("offline", offline.GetProperty("transition").GetString());
        StringAssert.Contains(offline.GetProperty("metrics").GetProperty("error").GetString(), "/dev/ttyACM0");
        Assert.IsFalse(offline.TryGetProperty("model", out _), "a board never heard from has no model");
    }
}

using System.Text.Json.Nodes;
using Edge.Ads.Protocol;
using Edge.Board.Simulation;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Peer;

/// <summary>
/// The real npm ads-client 2.1.0 against the running bridge (generic host, scripted board feeds):
/// it connects, reads device info and state, reads each board's STRUCT by name, members and array
/// elements by path, creates and releases handles, gets on-change notifications when a board's
/// metrics change, and every value equals what the board sent.
/// </summary>
[TestClass]
public sealed class BridgeAdsClientPeerTests
{
    private const int Slots = 8;

    [ClassInitialize]
    public static async Task InstallPeer(TestContext _) => await NodePeer.EnsureInstalledAsync();

    [TestMethod]
    [DataRow("direct", DisplayName = "fixed local address (as a route)")]
    [DataRow("router", DisplayName = "AMS/TCP port connect")]
    public async Task ReadsTheBoardsEveryWayAdsClientOffers(string mode)
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = Snapshots.Random("Loom3", seed: 21, features: 6);
        var pump = Snapshots.Random("Pump1", seed: 22, features: 3) with { Online = false, LastError = "link: no answer on /dev/ttyACM0" };
        bridge.Feeds["Loom3"].Push(loom);
        bridge.Feeds["Pump1"].Push(pump);
        await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1, "updated");
        await plc.ReadUntilAsync("Pump1", b => (uint)b["Updates"] == 1, "updated");

        await using var script = Start(bridge, "bridge-read.js", mode);
        var r = await script.ReadEventAsync("result", TimeSpan.FromSeconds(60));

        if (mode == "router")
            Assert.AreEqual(TestBridge.NetId.ToString(), r.Ok("connect").Text("localAmsNetId"), "port connect hands out the bridge's net id");
        Assert.AreEqual("Edge test", r.Ok("deviceInfo").Text("deviceName"), "ads.device-name");
        Assert.AreEqual((double)AdsState.Run, r.Ok("state").Number("adsState"));

        var expectedLoom = ExpectedBoard.Of("Loom3", loom, Slots, plc.Dut.Size, online: true, stale: false, updates: 1, lastError: "");
        var expectedPump = ExpectedBoard.Of("Pump1", pump, Slots, plc.Dut.Size, online: false, stale: false, updates: 1, lastError: pump.LastError);
        BoardJson.AssertEqual(expectedLoom, r.Ok("loom"), "Loom3");
        BoardJson.AssertEqual(expectedPump, r.Ok("pump"), "Pump1");
        Assert.AreEqual((double)(float)loom.FeatureDrift[3], r.Ok("drift3").GetValue<double>());
        Assert.AreEqual(loom.FeatureDrifted[3], r.Ok("drifted3").GetValue<bool>());
        BoardJson.AssertMember(expectedLoom["FeatureDrift"], r.Ok("driftArray"), "Loom3.FeatureDrift");
        Assert.AreEqual(loom.DriftAlarm, r.Ok("alarm").GetValue<bool>());
        BoardJson.AssertMember((ulong)loom.Samples, r.Ok("samples"), "Loom3.Samples (beyond 32 bits)");
        Assert.AreEqual(loom.ModelId, r.Ok("modelLowerCase").GetValue<string>(), "names ignore case");
        Assert.AreEqual((int)AdsErrorCode.DeviceSymbolNotFound, r.ErrorCode("outOfRange"), "FeatureDrift[99] is outside ARRAY [0..7]");

        var symbol = r.Ok("symbol");
        Assert.AreEqual("Loom3.AnomalyRate", symbol.Text("name"));
        Assert.AreEqual("REAL", symbol.Text("type"));
        Assert.AreEqual(0x4040, symbol.Number("indexGroup"));
        Assert.AreEqual((double)plc.OffsetOf("Loom3", "AnomalyRate"), symbol.Number("indexOffset"));
        var type = r.Ok("structType");
        Assert.AreEqual(plc.Dut.Size, type.Number("size"), "ads-client's SIZEOF of the DUT");
        var members = type.At("members").AsArray();
        CollectionAssert.AreEqual(plc.Dut.Members.Select(m => m.Name).ToArray(), members.Select(m => m!.Text("name")).ToArray());
        foreach (var member in members)
            Assert.AreEqual(plc.Dut.OffsetOf(member!.Text("name")), member!.Number("offset"), $"offset of {member!.Text("name")} in ads-client's type info");

        var handle = r.Ok("handle");
        Assert.AreEqual(4, handle.Number("size"));
        Assert.AreEqual("REAL", handle.Text("dataType"));
        Assert.AreEqual((double)(float)loom.AnomalyRate, handle.Number("value"));
        Assert.AreEqual((int)AdsErrorCode.DeviceSymbolVersionInvalid, r.ErrorCode("releaseAgain"), "TwinCAT's answer to releasing a released handle");
        var byHandle = r.Ok("structByHandle");
        Assert.AreEqual(plc.Dut.Size, byHandle.Number("size"));
        Assert.AreEqual("ST_EdgeBoard", byHandle.Text("dataType"));
        BoardJson.AssertEqual(expectedPump, byHandle.At("value"), "Pump1 by handle");

        Assert.AreEqual((int)AdsErrorCode.DeviceAccessDenied, r.ErrorCode("writeTelemetry"), "telemetry is read-only");
        Assert.AreEqual((int)AdsErrorCode.DeviceAccessDenied, r.ErrorCode("writePumpAck"), "Pump1's acknowledge is not enabled");
        r.Ok("writeAck");
        bridge.StepOneCheck();
        await Eventually.TrueAsync(() => bridge.Feeds["Loom3"].Acknowledges == 1, "ads-client's acknowledge reached the board");
        Assert.AreEqual(0, bridge.Feeds["Pump1"].Acknowledges);

        CollectionAssert.AreEqual(new[] { "loom3", "pump1" }, r.Ok("symbols").AsArray().Select(n => n!.GetValue<string>()).ToArray());
        Assert.IsNull(r.At("disconnect")["error"], "disconnect: " + r.At("disconnect").ToJsonString());
    }

    [TestMethod]
    public async Task NotifiesOnChangeWithWhatTheBoardSent()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = bridge.Feeds["Loom3"];
        var current = Snapshots.Random("Loom3", seed: 30, features: 8);
        loom.Push(current);
        await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1, "updated");

        await using var script = Start(bridge, "subscribe.js", "direct", "Loom3", "Loom3.AnomalyRate", "Loom3.FeatureDrift[2]");
        await script.ReadEventAsync("subscribed", TimeSpan.FromSeconds(60));
        // "When subscribing, the value is always sent once": each starts with the current value.
        BoardJson.AssertEqual(Expected(current, updates: 1, plc.Dut.Size), await ReadUntil(script, "Loom3", _ => true), "Loom3");
        Assert.AreEqual((double)(float)current.AnomalyRate, (await ReadUntil(script, "Loom3.AnomalyRate", _ => true)).GetValue<double>());
        Assert.AreEqual((double)(float)current.FeatureDrift[2], (await ReadUntil(script, "Loom3.FeatureDrift[2]", _ => true)).GetValue<double>());

        for (int report = 2; report <= 4; report++)
        {
            current = Snapshots.Random("Loom3", seed: 30 + report, features: 8);
            loom.Push(current);
            uint updates = (uint)report;
            var board = await ReadUntil(script, "Loom3", v => v.Number("Updates") == updates);
            BoardJson.AssertEqual(Expected(current, report, plc.Dut.Size), board, $"Loom3 after report {report}");
            double rate = (float)current.AnomalyRate;
            Assert.AreEqual(rate, (await ReadUntil(script, "Loom3.AnomalyRate", v => v.GetValue<double>() == rate)).GetValue<double>());
        }

        await script.SendAsync("quit");
        await script.ReadEventAsync("done");
        Assert.AreEqual(0, await script.WaitForExitAsync());
    }

    /// <summary>
    /// The whole path with no script in between: a simulated board samples 289 V data, the bridge
    /// reads its telemetry over the board link, ads-client is notified as its metrics change, and the
    /// last values equal the board's own counters and alarm.
    /// </summary>
    [TestMethod]
    public async Task NotifiesWhenASimulatedBoardsMetricsChange()
    {
        using var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("peer-board"), "loom3");
        await using var boardHost = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
        string modelId = await SimulatedBoards.LoadFluxMlpAsync(boardHost.Address, board, rows: 0);
        string yaml = TestBridge.Yaml().Replace("tcp://127.0.0.1:4711", boardHost.Address, StringComparison.Ordinal);
        await using var bridge = await TestBridge.StartAsync(yaml, new Edge.PlcBridge.Links.LinkBoardFeeds(), new ScriptedFeeds());

        await using var script = Start(bridge, "subscribe.js", "direct", "Loom3.Samples", "Loom3.DriftAlarm", "Loom3.ModelId");
        await script.ReadEventAsync("subscribed", TimeSpan.FromSeconds(60));
        Assert.AreEqual(modelId, (await ReadUntil(script, "Loom3.ModelId", v => v.GetValue<string>() == modelId)).GetValue<string>());

        ((ReplaySampleSource)board.Runtime.SampleSource!).Enqueue(SimulatedBoards.DriftRows.Take(600));
        // Samples is a ULINT: ads-client gives 64-bit integers as BigInt, printed as a string.
        static long Integer(JsonNode v) => v.GetValueKind() == System.Text.Json.JsonValueKind.String ? long.Parse(v.GetValue<string>()) : (long)v.GetValue<double>();
        var samples = await ReadUntil(script, "Loom3.Samples", v => Integer(v) == 600);
        var alarm = await ReadUntil(script, "Loom3.DriftAlarm", v => v.GetValue<bool>());
        Assert.AreEqual(board.Runtime.Rows.Samples, Integer(samples), "the count the board reached");
        Assert.AreEqual(board.Runtime.Rows.Drift!.Policy.Alarm, alarm.GetValue<bool>(), "the board's alarm");

        await script.SendAsync("quit");
        await script.ReadEventAsync("done");
        Assert.AreEqual(0, await script.WaitForExitAsync());
    }

    private static Dictionary<string, object> Expected(BoardSnapshot snapshot, int updates, int size) =>
        ExpectedBoard.Of("Loom3", snapshot, Slots, size, online: true, stale: false, updates: updates, lastError: "");

    // Notifications of one path until one matches; each stamp must be near now (FILETIME epoch and unit right).
    private static async Task<JsonNode> ReadUntil(NodeScript script, string path, Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var line = await script.ReadEventAsync(path, deadline - DateTime.UtcNow);
            var stamp = DateTimeOffset.FromUnixTimeMilliseconds((long)line.Number("timestamp"));
            Assert.IsLessThan(TimeSpan.FromMinutes(1), (DateTimeOffset.UtcNow - stamp).Duration(), $"notification timestamp {stamp:O} is not near now");
            if (match(line.At("value")))
                return line.At("value");
        }
        Assert.Fail($"no notification of {path} with the expected value");
        throw new System.Diagnostics.UnreachableException();
    }

    private static NodeScript Start(TestBridge bridge, string script, string mode, params string[] paths) =>
        NodePeer.Start(script, ["127.0.0.1", bridge.Port.ToString(), TestBridge.NetId.ToString(), bridge.Config.Ads.AdsPort.ToString(), mode, .. paths]);
}

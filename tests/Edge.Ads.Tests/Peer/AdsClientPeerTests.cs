using System.Text.Json.Nodes;
using Edge.Ads.Ams;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Peer;

/// <summary>
/// The real npm ads-client 2.1.0 against the server: it must not be able to tell us from a
/// TwinCAT device for the services it uses. Values are compared with what the simulated board wrote.
/// </summary>
[TestClass]
public sealed class AdsClientPeerTests
{
    [ClassInitialize]
    public static async Task InstallPeer(TestContext _) => await NodePeer.EnsureInstalledAsync();

    [TestMethod]
    [DataRow("direct", DisplayName = "fixed local address")]
    [DataRow("router", DisplayName = "AMS/TCP port connect")]
    public async Task ReadsBoardsTheWaysAdsClientOffers(string mode)
    {
        await using var server = await TestServer.StartAsync();
        var board1 = SampleBoards.Fill(server.Board(1), seed: 1);
        var board2 = SampleBoards.Fill(server.Board(2), seed: 2);
        short[] temperatures = [-5, 21, 38, 90];
        server.Symbols.FindSymbol("GVL.Temperatures")!.Update(v =>
        {
            for (int i = 0; i < temperatures.Length; i++)
                v.Set(SampleBoards.TemperaturesType.Locate($"[{i + 1}]"), (long)temperatures[i]);
        });

        await using var script = Start(server, "read-board.js", mode);
        var r = await script.ReadEventAsync("result", TimeSpan.FromSeconds(60));

        var connect = r.Ok("connect");
        if (mode == "router")
        {
            Assert.AreEqual(TestServer.ServerNetId.ToString(), connect.Text("localAmsNetId"), "port connect hands out the server's net id");
            Assert.IsGreaterThanOrEqualTo(32768, connect.Number("localAdsPort"));
        }
        Assert.AreEqual("Edge ADS", r.Ok("deviceInfo").Text("deviceName"));
        Assert.AreEqual((double)AdsState.Run, r.Ok("state").Number("adsState"));
        Assert.AreEqual((double)AdsState.Run, r.Ok("tcSystemState").Number("adsState"));
        Assert.AreEqual(3, r.Number("uploadInfo.version"), "the 64-byte upload info");
        Assert.AreEqual(3, r.Number("uploadInfo.symbolCount"));

        AssertBoard(board1, r.Ok("board"));
        AssertMetrics(board2, r.Ok("board2Metrics"));
        Assert.AreEqual((double)board1.FeatureDrift[3], r.Ok("drift3").GetValue<double>());
        CollectionAssert.AreEqual(board1.FeatureDrift.Select(f => (double)f).ToArray(), Numbers(r.Ok("driftArray")));
        Assert.AreEqual(board1.Alarm, r.Ok("alarmLowerCase").GetValue<bool>(), "names ignore case");
        Assert.AreEqual(board1.Model, r.Ok("model").GetValue<string>());
        CollectionAssert.AreEqual(temperatures.Select(t => (double)t).ToArray(), Numbers(r.Ok("temperatures")));
        Assert.AreEqual((double)temperatures[1], r.Ok("temperature2").GetValue<double>(), "GVL.Temperatures[2] with lower bound 1");

        var symbol = r.Ok("symbol");
        var driftScore = SampleBoards.BoardType.Locate("Metrics.DriftScore");
        Assert.AreEqual("Board1.Metrics.DriftScore", symbol.Text("name"));
        Assert.AreEqual("LREAL", symbol.Text("type"));
        Assert.AreEqual((double)SampleBoards.DataGroup, symbol.Number("indexGroup"));
        Assert.AreEqual((double)driftScore.Offset, symbol.Number("indexOffset"));
        Assert.AreEqual(8, symbol.Number("size"));

        var handle = r.Ok("handle");
        Assert.AreEqual((double)board1.Inferences, handle.Number("value"));
        Assert.AreEqual(4, handle.Number("size"));
        Assert.AreEqual("UDINT", handle.Text("dataType"));
        Assert.AreEqual((int)AdsErrorCode.DeviceSymbolVersionInvalid, r.ErrorCode("releaseAgain"), "TwinCAT's answer to releasing a released handle");
        var multi = r.Ok("handlesMulti");
        Assert.IsTrue(multi.Flag("created.0.success"));
        Assert.AreEqual("DINT", multi.Text("created.0.dataType"));
        Assert.AreEqual((double)AdsErrorCode.DeviceSymbolNotFound, multi.Number("created.1.errorCode"));
        Assert.AreEqual(0, multi.Number("deleted.0"));

        Assert.AreEqual((double)board2.AnomalyRate, r.Ok("rawByPath").GetValue<double>());
        var sum = r.Ok("multi");
        Assert.AreEqual(0, sum.Number("0.errorCode"));
        CollectionAssert.AreEqual(BitConverter.GetBytes(board1.Id).Select(b => (double)b).ToArray(), Numbers(sum.At("0.value")));
        Assert.AreEqual((double)AdsErrorCode.DeviceInvalidOffset, sum.Number("1.errorCode"));
        Assert.AreEqual((double)AdsErrorCode.DeviceInvalidGroup, sum.Number("2.errorCode"));

        Assert.AreEqual((int)AdsErrorCode.DeviceSymbolNotFound, r.ErrorCode("missing"));
        Assert.AreEqual((int)AdsErrorCode.DeviceSymbolNotFound, r.ErrorCode("missingSymbol"));
        Assert.AreEqual((int)AdsErrorCode.DeviceAccessDenied, r.ErrorCode("writeReadOnly"), "read-only unless enabled");
        Assert.IsTrue(r.Ok("writeAck").GetValue<bool>(), "the enabled member takes the write");
        Assert.IsTrue(new PlcValueReader(server.Board(1).ReadValue()).GetBool(SampleBoards.BoardType.Locate("Metrics.AlarmAck")));

        CollectionAssert.AreEqual(new[] { "board1", "board2", "gvl.temperatures" }, Texts(r.Ok("symbols")));
        var types = Texts(r.Ok("dataTypes"));
        foreach (var expected in new[] { "st_board", "st_boardmetrics", "array [0..7] of real", "array [1..4] of int", "string(15)", "real", "lreal" })
            CollectionAssert.Contains(types, expected);
        Assert.IsNull(r.At("disconnect")["error"], "disconnect: " + r.At("disconnect").ToJsonString());
    }

    [TestMethod]
    public async Task NotifiesOnChangeWithWhatTheBoardSent()
    {
        await using var server = await TestServer.StartAsync();
        var board = server.Board(1);
        var current = SampleBoards.Fill(board, seed: 10);

        await using var script = Start(server, "subscribe-board.js", "direct");
        await script.ReadEventAsync("subscribed", TimeSpan.FromSeconds(60));
        // "When subscribing, the value is always sent once": both start with the current value.
        AssertMetrics(current, await ReadUntil(script, "metrics", _ => true));
        Assert.AreEqual((double)current.AnomalyRate, (await ReadUntil(script, "rate", _ => true)).GetValue<double>());

        for (int report = 1; report <= 3; report++)
        {
            current = SampleBoards.Fill(board, seed: 100 + report);
            var expected = current;
            var metrics = await ReadUntil(script, "metrics", v => v.Number("AnomalyRate") == expected.AnomalyRate);
            AssertMetrics(current, metrics);
            var rate = await ReadUntil(script, "rate", v => v.GetValue<double>() == expected.AnomalyRate);
            Assert.AreEqual((double)current.AnomalyRate, rate.GetValue<double>());
        }

        await script.SendAsync("quit");
        await script.ReadEventAsync("done");
        Assert.AreEqual(0, await script.WaitForExitAsync());
        await Eventually.TrueAsync(() => server.Server.Statistics.ActiveConnections == 0, "the server closes the session when the client disconnects");
    }

    [TestMethod]
    public async Task HundredsOfCyclicSubscriptionsWithALongMaxDelayAreDeliveredAndStayBounded()
    {
        // Issue 12: 490 cyclic notifications at 10 ms with a 400 s max delay grew the bridge by 34 MB/s.
        await using var server = await TestServer.StartAsync();
        await using var script = NodePeer.Start("notification-flood.js", "127.0.0.1", server.Port.ToString(), TestServer.ServerNetId.ToString(),
            TestServer.DevicePort.ToString(), "direct", "490", "4", "400000");
        Assert.AreEqual(490, (await script.ReadEventAsync("subscribed", TimeSpan.FromSeconds(60))).Number("count"));

        // Samples arrive long before 400 s: a frame's worth goes out at once.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        double samples = 0;
        while (samples < 490 * 20 && DateTime.UtcNow < deadline)
        {
            samples = (await script.ReadEventAsync("samples", TimeSpan.FromSeconds(30))).Number("samples");
            var connection = server.Server.Connections.Single();
            Assert.IsLessThanOrEqualTo((long)server.Server.Options.MaxFrameSize, connection.QueuedSampleBytes, "samples waiting for their max delay: one frame at most");
            Assert.IsLessThanOrEqualTo((long)server.Server.Options.MaxQueuedBytesPerConnection + server.Server.Options.MaxFrameSize, connection.QueuedBytes);
        }
        Assert.IsGreaterThanOrEqualTo(490 * 20, samples, "ads-client received the samples");

        await script.SendAsync("quit");
        await script.ReadEventAsync("done", TimeSpan.FromSeconds(60));
        Assert.AreEqual(0, await script.WaitForExitAsync());
    }

    [TestMethod]
    public async Task EveryAnswerDecodedByAdsClientCarriesTheHeaderFieldsOfItsRequest()
    {
        // ads-client's own decoder (parseAmsHeader) reads each frame we send; it matches answers
        // by invoke id only, so a wrong state flag or address would go unnoticed by the reads above.
        // Expected values from the AMS header definition: a response has the ADS-command and
        // response flags (0x0005), goes back to the sender from the address it was sent to, and
        // its length field counts the bytes after the 32-byte header.
        await using var server = await TestServer.StartAsync();
        SampleBoards.Fill(server.Board(1), seed: 3);
        await using var script = Start(server, "response-headers.js", "direct");
        var r = await script.ReadEventAsync("result", TimeSpan.FromSeconds(60));
        foreach (var step in new[] { "connect", "deviceInfo", "state", "read", "write", "readWrite", "notified", "disconnect" })
            Assert.IsNull(r.At(step)["error"], $"{step}: {r.At(step).ToJsonString()}");
        Assert.AreEqual(0x723, r.ErrorCode("control"), "WriteControl is refused (in the payload) unless allowed");

        var sent = r.At("sent").AsArray().Select(n => n!).ToList();
        var received = r.At("received").AsArray().Select(n => n!).ToList();
        string client = TestServer.ClientAddress.ToString(), device = server.Device.ToString();
        var commands = new HashSet<AdsCommandId>();
        foreach (var request in sent)
        {
            Assert.AreEqual((double)AmsStateFlags.Request, request.Number("stateFlags"), "what ads-client sends");
            var answers = received.Where(a => a.Number("invokeId") == request.Number("invokeId") && a.Number("stateFlags") != (double)AmsStateFlags.Request).ToList();
            Assert.HasCount(1, answers, $"one answer to invoke id {request.Number("invokeId")}");
            var answer = answers[0];
            var command = (AdsCommandId)(int)request.Number("adsCommand");
            commands.Add(command);
            string what = $"answer to {command} (invoke id {request.Number("invokeId")})";
            Assert.AreEqual((double)request.Number("adsCommand"), answer.Number("adsCommand"), what);
            Assert.AreEqual((double)AmsStateFlags.ResponseToRequest, answer.Number("stateFlags"), $"{what}: state flags");
            Assert.AreEqual(request.Text("source"), answer.Text("target"), $"{what}: back to the sender");
            Assert.AreEqual(request.Text("target"), answer.Text("source"), $"{what}: from the address asked");
            Assert.AreEqual(answer.Number("bytesAfterHeader"), answer.Number("dataLength"), $"{what}: length field");
            Assert.AreEqual(0, answer.Number("errorCode"), $"{what}: AMS error (ADS errors travel in the payload)");
        }
        // ads-client sends from its fixed address to the server's net id (the device port, or 10000 for the system service).
        Assert.IsTrue(sent.All(q => q.Text("source") == client), "every request from the client's address");
        Assert.IsTrue(sent.All(q => q.Text("target").StartsWith(TestServer.ServerNetId + ":", StringComparison.Ordinal)), "every request to the server's net id");
        Assert.IsTrue(sent.Any(q => q.Text("target") == device), "the device port among them");
        foreach (var command in new[] { AdsCommandId.ReadDeviceInfo, AdsCommandId.Read, AdsCommandId.Write, AdsCommandId.ReadState, AdsCommandId.WriteControl,
                     AdsCommandId.AddDeviceNotification, AdsCommandId.DeleteDeviceNotification, AdsCommandId.ReadWrite })
            Assert.Contains(command, commands);

        // Notifications are requests from the device: the ADS-command flag alone, to the subscriber.
        var notifications = received.Where(a => a.Number("adsCommand") == (double)AdsCommandId.DeviceNotification).ToList();
        Assert.IsNotEmpty(notifications);
        foreach (var n in notifications)
        {
            Assert.AreEqual((double)AmsStateFlags.Request, n.Number("stateFlags"), "a notification is a request");
            Assert.AreEqual(client, n.Text("target"), "to the subscriber");
            Assert.IsTrue(n.Text("source").StartsWith(TestServer.ServerNetId + ":", StringComparison.Ordinal), "from the server");
            Assert.AreEqual(n.Number("bytesAfterHeader"), n.Number("dataLength"));
        }
        Assert.AreEqual(sent.Count + notifications.Count, received.Count, "nothing else arrived");
    }

    // The peer prints stamps' FILETIME as JS dates: each must be near now, so 100 ns units and epoch are right.
    private static async Task<JsonNode> ReadUntil(NodeScript script, string name, Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var line = await script.ReadEventAsync(name, deadline - DateTime.UtcNow);
            var stamp = DateTimeOffset.FromUnixTimeMilliseconds((long)line.Number("timestamp"));
            Assert.IsLessThan(TimeSpan.FromMinutes(1), (DateTimeOffset.UtcNow - stamp).Duration(), $"notification timestamp {stamp:O} is not near now");
            if (match(line.At("value")))
                return line.At("value");
        }
        Assert.Fail($"no '{name}' notification with the expected value");
        throw new System.Diagnostics.UnreachableException();
    }

    private static NodeScript Start(TestServer server, string script, string mode) =>
        NodePeer.Start(script, "127.0.0.1", server.Port.ToString(), TestServer.ServerNetId.ToString(), TestServer.DevicePort.ToString(), mode);

    private static void AssertBoard(BoardValues expected, JsonNode board)
    {
        Assert.AreEqual(expected.Id, board.Number("Id"));
        Assert.AreEqual(expected.Online, board.Flag("Online"));
        AssertMetrics(expected, board.At("Metrics"));
    }

    private static void AssertMetrics(BoardValues expected, JsonNode metrics)
    {
        Assert.AreEqual((double)expected.AnomalyRate, metrics.Number("AnomalyRate"));
        Assert.AreEqual(expected.Alarm, metrics.Flag("Alarm"));
        Assert.AreEqual((double)expected.Inferences, metrics.Number("Inferences"));
        CollectionAssert.AreEqual(expected.FeatureDrift.Select(f => (double)f).ToArray(), Numbers(metrics.At("FeatureDrift")));
        Assert.AreEqual(expected.DriftScore, metrics.Number("DriftScore"));
        Assert.AreEqual(expected.Model, metrics.Text("Model"));
        Assert.AreEqual((double)expected.Temperature, metrics.Number("Temperature"));
    }

    private static double[] Numbers(JsonNode array) => array.AsArray().Select(n => n!.GetValue<double>()).ToArray();

    private static string[] Texts(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}

using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Messages;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Tests.Support;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>
/// Snapshots from the feeds, read back the way a PLC reads them: one ADSREAD of the memory map
/// decoded with the generated DUT, and by name. Values must be what the board sent.
/// </summary>
[TestClass]
public sealed class BoardPublishingTests
{
    private const int Slots = 8;

    [TestMethod]
    public async Task SnapshotsLandInEachBoardsStructAndTheMemoryMap()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = Snapshots.Random("Loom3", seed: 1, features: 5);
        var pump = Snapshots.Random("Pump1", seed: 2, features: 12) with { Online = true }; // more features than slots

        bridge.Feeds["Loom3"].Push(loom);
        bridge.Feeds["Pump1"].Push(pump);
        await plc.ReadUntilAsync("Pump1", b => (uint)b["Updates"] == 1, "updated");
        var boards = await plc.ReadAllAsync();

        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Loom3", loom, Slots, plc.Dut.Size, online: true, stale: false, updates: 1, lastError: ""), boards["Loom3"], "Loom3");
        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Pump1", pump, Slots, plc.Dut.Size, online: true, stale: false, updates: 1, lastError: ""), boards["Pump1"], "Pump1");
        Assert.AreEqual((ushort)12, boards["Pump1"]["FeatureCount"], "the count the board reports, though only the first 8 fit");
        Assert.IsTrue(bridge.Logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, "Pump1: the board reports 12 features; the STRUCT holds the first 8"));

        // By name (0xF004), as a PLC's ADSRDWRT or an ADS client reads it: the same bytes as the memory map.
        var byName = (await plc.Client.ReadWriteAsync(AdsIndexGroup.SymbolValueByName, 0, (uint)plc.Dut.Size, AdsRequestEncoder.Name("Loom3"))).GetDataOrThrow("Loom3 by name");
        CollectionAssert.AreEqual(await plc.Client.ReadBytesAsync(0x4040, plc.OffsetOf("Loom3", "Size"), plc.Dut.Size), byName);

        var next = Snapshots.Random("Loom3", seed: 3, features: 5);
        bridge.Feeds["Loom3"].Push(next);
        var updated = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 2, "updated a second time");
        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Loom3", next, Slots, plc.Dut.Size, online: true, stale: false, updates: 2, lastError: ""), updated, "Loom3");
    }

    [TestMethod]
    public async Task BeforeAnyTelemetryABoardIsStaleOfflineAndUnknown()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);

        var board = await plc.ReadAsync("Loom3");

        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Loom3", null, Slots, plc.Dut.Size, online: false, stale: true, updates: 0, lastError: "no telemetry yet"), board, "Loom3");
        Assert.AreEqual((byte)255, board["Verdict"]);
    }

    [TestMethod]
    public async Task ABoardThatFallsSilentTurnsStaleAndKeepsItsLastValues()
    {
        await using var bridge = await TestBridge.StartAsync(TestBridge.Yaml(staleAfter: "300ms"));
        await using var plc = await PlcView.ConnectAsync(bridge);
        var last = Snapshots.Random("Loom3", seed: 4, features: 8);

        bridge.Feeds["Loom3"].Push(last);
        var fresh = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1, "updated");
        Assert.IsTrue((bool)fresh["Online"] && !(bool)fresh["Stale"], "fresh while the bridge's clock stands");

        // 400 ms pass on the service's clock without telemetry: the next check judges the board stale.
        bridge.Time.Advance(TimeSpan.FromMilliseconds(400));
        var stale = await plc.ReadUntilAsync("Loom3", b => (bool)b["Stale"], "stale");

        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Loom3", last, Slots, plc.Dut.Size, online: false, stale: true, updates: 1,
            lastError: "no telemetry for more than 0.3 s"), stale, "Loom3");

        var again = last with { LastSeen = bridge.Time.GetUtcNow(), Samples = last.Samples + 200 };
        bridge.Feeds["Loom3"].Push(again);
        var back = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 2, "updated again");
        Assert.IsTrue((bool)back["Online"]);
        Assert.IsFalse((bool)back["Stale"]);
        Assert.AreEqual("", back["LastError"]);
    }

    [TestMethod]
    public async Task ALinkDownReportIsOfflineButNotStale()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var down = Snapshots.Random("Pump1", seed: 5, features: 3) with { Online = false, LastError = "link: no answer on /dev/ttyACM0 after 8 attempts" };

        bridge.Feeds["Pump1"].Push(down);
        var board = await plc.ReadUntilAsync("Pump1", b => (uint)b["Updates"] == 1, "updated");

        ExpectedBoard.AssertEqual(ExpectedBoard.Of("Pump1", down, Slots, plc.Dut.Size, online: false, stale: false, updates: 1, lastError: down.LastError), board, "Pump1");
    }

    [TestMethod]
    public async Task TextAndNumbersABoardShouldNotSendArePublishedSafely()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var odd = Snapshots.Random("Loom3", seed: 6, features: 2) with
        {
            ModelId = "0123456789abcdef-and-more",
            LastError = "line one\nline two\0 with a NUL, \u20ac and " + new string('x', 100),
            Samples = -5,
            AnomalyRate = double.NaN,
            DriftScore = double.PositiveInfinity,
            LastSeen = DateTimeOffset.UtcNow,
            FeatureNames = null!,
            FeatureDrifted = null!,
        };

        bridge.Feeds["Loom3"].Push(odd);
        var board = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 1, "updated");

        Assert.AreEqual("0123456789abc...", board["ModelId"], "cut to STRING(16) and marked as cut");
        string error = (string)board["LastError"];
        Assert.HasCount(80, error);
        Assert.StartsWith("line one line two  with a NUL, ? and xxx", error);
        Assert.EndsWith("...", error);
        Assert.AreEqual(0UL, board["Samples"], "a negative count is published as 0");
        Assert.IsTrue(float.IsNaN((float)board["AnomalyRate"]));
        Assert.AreEqual(float.PositiveInfinity, board["DriftScore"]);
        CollectionAssert.AreEqual(new bool[Slots], (bool[])board["FeatureDrifted"]);
        Assert.IsTrue((bool)board["Online"]);
    }
}

using Edge.PlcBridge.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>Feeds that throw, end, cannot be created, yield nothing usable or ignore shutdown: the bridge names the problem and goes on.</summary>
[TestClass]
public sealed class FeedFailureTests
{
    [TestMethod]
    public async Task AFailingFeedIsCalledAgainAndTheOtherBoardsCarryOn()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = bridge.Feeds["Loom3"];
        loom.Push(Snapshots.Random("Loom3", seed: 1, features: 4));
        await plc.ReadUntilAsync("Loom3", b => (bool)b["Online"], "online");

        loom.Fail(new IOException("connection reset by peer"));
        var failed = await plc.ReadUntilAsync("Loom3", b => !(bool)b["Online"], "offline after the feed failed");
        Assert.AreEqual("feed: connection reset by peer", failed["LastError"]);
        Assert.AreEqual((uint)1, failed["Updates"], "the last values stay");

        var pump = Snapshots.Random("Pump1", seed: 2, features: 4);
        bridge.Feeds["Pump1"].Push(pump);
        var other = await plc.ReadUntilAsync("Pump1", b => (uint)b["Updates"] == 1, "updated while Loom3's feed is down");
        Assert.IsTrue((bool)other["Online"]);

        var recovered = Snapshots.Random("Loom3", seed: 3, features: 4);
        loom.Push(recovered);
        Assert.AreEqual(1, loom.WatchCalls, "not called again before its pause is over (the service's clock stands)");
        bridge.StepPastRetry();
        var back = await plc.ReadUntilAsync("Loom3", b => (uint)b["Updates"] == 2, "updated after the retry");
        Assert.IsTrue((bool)back["Online"]);
        Assert.AreEqual("", back["LastError"]);
        Assert.AreEqual(2, loom.WatchCalls, "watched again after the failure");
        Assert.IsTrue(bridge.Logs.Contains(LogLevel.Warning, "Loom3: feed failed, retrying in"), bridge.Logs.ToString());
    }

    [TestMethod]
    public async Task AFlappingBoardIsLoggedAFewTimesNotOncePerFlap()
    {
        await using var bridge = await TestBridge.StartAsync();
        var loom = bridge.Feeds["Loom3"];
        for (int i = 0; i < 100; i++)
            loom.Push(Snapshots.Random("Loom3", seed: i, features: 4) with { Online = i % 2 == 0, LastError = i % 2 == 0 ? "" : "link down" });
        await Eventually.TrueAsync(() => bridge.Reading("Loom3").Updates == 100, "every snapshot published");

        int lines = bridge.Logs.Entries.Count(e => e.Message.StartsWith("Loom3: telemetry flowing", StringComparison.Ordinal) || e.Message.StartsWith("Loom3: offline (", StringComparison.Ordinal));
        // The throttle counts its window on the service's clock, which stands: one window.
        Assert.AreEqual(Edge.Ads.Server.AdsServer.LogBurst, lines, $"100 changes of state, {lines} lines in one log window: " + bridge.Logs);
    }

    [TestMethod]
    public async Task AFeedThatEndsIsCalledAgain()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);
        var loom = bridge.Feeds["Loom3"];

        loom.End();
        await plc.ReadUntilAsync("Loom3", b => (string)b["LastError"] == "feed: the feed ended", "marked as ended");
        loom.Push(Snapshots.Random("Loom3", seed: 1, features: 4));
        bridge.StepPastRetry();

        await plc.ReadUntilAsync("Loom3", b => (bool)b["Online"] && (string)b["LastError"] == "", "online again");
        Assert.AreEqual(2, loom.WatchCalls);
    }

    [TestMethod]
    public async Task AFeedThatCannotBeCreatedIsRetried()
    {
        var feeds = new ScriptedFeeds();
        feeds.FailCreate("Pump1", times: 2);
        await using var bridge = await TestBridge.StartAsync(feeds: feeds);
        await using var plc = await PlcView.ConnectAsync(bridge);

        // Each failure is logged after its retry pause began on the service's clock; stepping it
        // past the pause calls the factory again.
        int Failures() => bridge.Logs.Entries.Count(e => e.Message.StartsWith("Pump1: feed failed, retrying in", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => Failures() == 1, "the failed creation is logged");
        Assert.IsTrue(bridge.Logs.Entries.Any(e => e.Message.Contains("cannot open /dev/ttyACM0: no such device", StringComparison.Ordinal)), bridge.Logs.ToString());
        Assert.AreEqual(2, feeds.Creations, "not tried again before the pause is over");
        bridge.StepPastRetry();
        await Eventually.TrueAsync(() => Failures() == 2, "the second failed creation is logged");
        feeds["Pump1"].Push(Snapshots.Random("Pump1", seed: 1, features: 4));
        bridge.StepPastRetry();

        await plc.ReadUntilAsync("Pump1", b => (bool)b["Online"], "online after two failed creations");
        Assert.AreEqual(4, feeds.Creations, "Loom3 once, Pump1 three times");
    }

    [TestMethod]
    public async Task AnEmptySnapshotIsAFeedErrorNotACrash()
    {
        await using var bridge = await TestBridge.StartAsync();
        await using var plc = await PlcView.ConnectAsync(bridge);

        bridge.Feeds["Loom3"].PushNull();
        var board = await plc.ReadUntilAsync("Loom3", b => ((string)b["LastError"]).StartsWith("feed:", StringComparison.Ordinal), "marked");

        Assert.AreEqual("feed: the feed gave an empty snapshot", board["LastError"]);
        bridge.Feeds["Loom3"].Push(Snapshots.Random("Loom3", seed: 1, features: 4));
        bridge.StepPastRetry();
        await plc.ReadUntilAsync("Loom3", b => (bool)b["Online"], "online after the empty snapshot");
    }

    [TestMethod]
    public async Task AFeedThatIgnoresCancellationDoesNotHoldUpShutdown()
    {
        var feeds = new ScriptedFeeds();
        var stuck = new ScriptedBoardFeed("Loom3") { IgnoreCancellation = true };
        feeds.Add(stuck);
        var bridge = await TestBridge.StartAsync(feeds: feeds);
        await Eventually.TrueAsync(() => stuck.WatchCalls == 1, "the stuck feed is being watched");

        await bridge.Host.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.IsTrue(bridge.Logs.Contains(LogLevel.Information, "bridge stopped"), bridge.Logs.ToString());
        Assert.IsTrue(stuck.Disposed, "the feed is still released");
        Assert.IsTrue(feeds["Pump1"].Disposed);
        bridge.Host.Dispose();
    }

    [TestMethod]
    public async Task StoppingTheHostClosesClientsAndReleasesFeeds()
    {
        var bridge = await TestBridge.StartAsync();
        var client = await bridge.ConnectAsync();
        await Eventually.TrueAsync(() => bridge.Feeds.Creations == 2, "both feeds created");

        await bridge.Host.StopAsync(TimeSpan.FromSeconds(10));

        await client.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(0, bridge.Server.Statistics.ActiveConnections);
        Assert.IsTrue(bridge.Feeds["Loom3"].Disposed);
        Assert.IsTrue(bridge.Feeds["Pump1"].Disposed);
        await client.DisposeAsync();
        bridge.Host.Dispose();
    }
}

using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// What one ordinary client can make the server hold is bounded per connection: notifications
/// and the bytes they watch, samples waiting for their max delay, frames waiting for a peer that
/// does not read. Past a bound the server refuses with an ADS error or drops, and counts it per
/// connection and server-wide. The attack behind it (issue 12): 490 cyclic notifications at 10 ms
/// with a 400 s max delay grew the bridge by 34 MB/s.
/// </summary>
[TestClass]
public sealed class ResourceBoundTests
{
    private const int Attack = 490;
    private static readonly uint TenMs = (uint)TimeSpan.FromMilliseconds(10).Ticks;
    private static readonly uint FourHundredSeconds = (uint)TimeSpan.FromSeconds(400).Ticks;

    [TestMethod]
    public async Task SamplesWaitingForALongMaxDelayGoOutOnceTheyFillAFrame()
    {
        const int frameLimit = 16 * 1024, sampleBytes = AdsNotificationStamp.HeaderSize + AdsNotificationSample.HeaderSize + 4;
        var time = new FakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => { o.MaxFrameSize = frameLimit; o.TimeProvider = time; });
        await using var client = await server.ConnectAsync();
        for (int i = 0; i < Attack; i++)
            Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(Cyclic(offset: (uint)(i % 22) * 4, 4))).ErrorCode);
        // Samples taken: sent, dropped, or waiting (each counted at its worst-case size while it waits).
        long Taken()
        {
            var statistics = server.Server.Statistics;
            return statistics.NotificationsSent + statistics.NotificationsDropped + server.Server.Connections.Single().QueuedSampleBytes / sampleBytes;
        }
        await CaughtUpAsync(server);
        Assert.AreEqual(Attack, Taken(), "each notification's first sample right after its answer");

        Assert.AreEqual(0, server.Server.Statistics.NotificationsSent, "490 samples of 4 bytes are less than a frame: they wait");
        for (int cycle = 1; cycle <= 20; cycle++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await CaughtUpAsync(server);
            Assert.IsLessThanOrEqualTo((long)frameLimit, server.Server.Connections.Single().QueuedSampleBytes, "never more than one frame of samples waits");
            Assert.AreEqual(Attack * (cycle + 1L), Taken(), $"every notification sampled once a cycle (cycle {cycle})");
            // Without the bound the samples of 400 s would pile up in the server before the first frame.
            if (cycle == 1)
                Assert.IsGreaterThan(0L, server.Server.Statistics.NotificationsSent, "a full frame goes out 10 ms in, not after the max delay of 400 s");
        }
        Assert.AreEqual(0, server.Server.Statistics.NotificationsDropped, "a client that reads loses nothing");
        long sent = server.Server.Statistics.NotificationsSent, received = 0;
        while (received < sent)
            received += (await client.Notifications.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20))).Stamps.Sum(s => s.Samples.Count);
        Assert.AreEqual(sent, received, "every sample sent arrives");
    }

    [TestMethod]
    public async Task APeerThatNeverReadsKeepsItsQueueAtTheBoundAndItsDropsAreCountedOnItsConnection()
    {
        const int queueLimit = 64 * 1024, frameLimit = 16 * 1024;
        var log = new CapturingLogger();
        var time = new FakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => { o.MaxQueuedBytesPerConnection = queueLimit; o.MaxFrameSize = frameLimit; o.TimeProvider = time; }, logger: log);
        await using var reader = await server.ConnectAsync(new(Ams.AmsNetId.Parse("10.0.0.88.1.1"), 40000));
        Assert.AreEqual(AdsErrorCode.NoError, (await reader.AddNotificationAsync(Cyclic(0, 88) with { CycleTime = (uint)TimeSpan.FromMilliseconds(50).Ticks })).ErrorCode);
        long readerId = server.Server.Connections.Single().Id;

        await using var deaf = await server.ConnectRawAsync(receiveBuffer: 4096);
        var add = Payloads.Build(w => AdsRequestEncoder.WriteAddNotification(w, Cyclic(0, 88)));
        for (int i = 0; i < Attack; i++)
            await deaf.SendAsync(server.Request(AdsCommandId.AddDeviceNotification, add, invokeId: (uint)i));
        await Eventually.TrueAsync(() => server.Server.Connections.FirstOrDefault(c => c.Id != readerId)?.Notifications == Attack, "the deaf peer's notifications are taken");
        AdsConnectionInfo Deaf() => server.Server.Connections.Single(c => c.Id != readerId);
        long deafId = Deaf().Id;
        await CaughtUpAsync(server);

        // One 10 ms cycle at a time, each sampled before the next, all inside one log window:
        // what the peer does not read piles up to the outbox's bound, then is dropped.
        int cycles = 0, cyclesInAWindow = (int)(AdsServer.LogWindow / TimeSpan.FromMilliseconds(10));
        while (Deaf().NotificationsDropped <= 10_000)
        {
            Assert.IsLessThan(cyclesInAWindow, cycles, $"the peer that does not read loses samples within a log window: {Deaf()}");
            time.Advance(TimeSpan.FromMilliseconds(10));
            cycles++;
            await CaughtUpAsync(server);
            var info = Deaf();
            Assert.IsLessThanOrEqualTo(queueLimit + frameLimit, info.QueuedBytes, "the outbox stays at its bound (one frame may pass an empty queue)");
            Assert.IsLessThanOrEqualTo(frameLimit, info.QueuedSampleBytes, "never more than one frame of samples waits");
        }

        // The reader is served throughout, and drops are counted where they happened.
        Assert.AreEqual(AdsState.Run, (await reader.ReadStateAsync()).AdsState);
        var readerInfo = server.Server.Connections.Single(c => c.Id == readerId);
        Assert.AreEqual(0, readerInfo.NotificationsDropped, "the reader lost nothing; the server-wide count is not its count");
        await deaf.DisposeAsync();
        await Eventually.TrueAsync(() => server.Server.Connections.Count == 1, "the deaf peer is gone");
        long total = server.Server.Statistics.NotificationsDropped;
        Assert.IsTrue(log.Contains(LogLevel.Debug, $"({total} notification samples dropped on it)"), "its closing line counts its own drops: " + Lines(log, "closed"));

        // Every drop was in one log window: the first LogBurst in full, the rest only counted...
        Assert.AreEqual(AdsServer.LogBurst, DropLines(log), $"{total} drops in {cycles} cycles of one window: " + Lines(log, "dropped ("));
        Assert.AreEqual(0, DropSummaries(log).Count, "no summary before the window is over");
        long suppressed = server.Server.Statistics.LogLinesSuppressed;
        Assert.IsGreaterThan(0L, suppressed, "more drop events than the burst");
        // ...and summarised in one line once the window is over.
        time.Advance(AdsServer.LogWindow);
        var summaries = DropSummaries(log);
        Assert.AreEqual(1, summaries.Count, Lines(log, "not logged"));
        StringAssert.Contains(summaries[0], $"notification samples dropped on connection {deafId}: {suppressed} more not logged");
        Assert.AreEqual(AdsServer.LogBurst, DropLines(log), "nothing more logged in full");
    }

    private static int DropLines(CapturingLogger log) =>
        log.Entries.Count(e => e.Message.Contains("notification samples dropped (", StringComparison.Ordinal));

    private static List<string> DropSummaries(CapturingLogger log) =>
        log.Entries.Select(e => e.Message).Where(m => m.Contains("notification samples dropped on connection", StringComparison.Ordinal) && m.Contains("more not logged", StringComparison.Ordinal)).ToList();

    // The server sampled and sent everything the fake clock made due (its loops run on their own tasks).
    private static Task CaughtUpAsync(TestServer server) =>
        Eventually.TrueAsync(() => server.Server.NotificationsCaughtUp, "the server's notifications caught up with the clock");

    [TestMethod]
    public async Task NotificationsAreRefusedPastTheirBytesPerConnectionAndCounted()
    {
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => o.MaxNotificationBytesPerConnection = 200, logger: log);
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(Cyclic(0, 88))).ErrorCode);
        var second = await client.AddNotificationAsync(Cyclic(88, 88));
        Assert.AreEqual(AdsErrorCode.NoError, second.ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceNoMemory, (await client.AddNotificationAsync(Cyclic(0, 88))).ErrorCode, "176 + 88 bytes > 200");
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(Cyclic(0, 4))).ErrorCode, "what still fits is taken");
        Assert.AreEqual(AdsErrorCode.NoError, await client.DeleteNotificationAsync(second.Handle));
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(Cyclic(0, 88))).ErrorCode, "deleting gives the bytes back");

        Assert.AreEqual(1, server.Server.Statistics.LimitRefusals);
        Assert.AreEqual(180, server.Server.Connections.Single().NotificationBytes);
        Assert.IsTrue(log.Contains(LogLevel.Warning, "88 more would pass 200 (max-notification-bytes); answered 0x70A"), Lines(log, "max-"));
    }

    [TestMethod]
    public async Task HandlesAndNotificationsPastTheirCountAreRefusedCountedAndLogged()
    {
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => { o.MaxHandlesPerConnection = 1; o.MaxNotificationsPerConnection = 1; }, logger: log);
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.NoError, (await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name("Board1"))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceNoMoreHandles, (await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name("Board2"))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(Cyclic(0, 4))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceNoMoreHandles, (await client.AddNotificationAsync(Cyclic(4, 4))).ErrorCode);
        Assert.AreEqual(2, server.Server.Statistics.LimitRefusals);
        Assert.IsTrue(log.Contains(LogLevel.Warning, "it holds 1 handles (max-handles)"), Lines(log, "max-"));
        Assert.IsTrue(log.Contains(LogLevel.Warning, "it holds 1 notifications (max-notifications)"), Lines(log, "max-"));
    }

    private static AdsAddNotificationRequest Cyclic(uint offset, uint length) =>
        new(SampleBoards.DataGroup, offset, length, AdsTransMode.Cyclic, FourHundredSeconds, TenMs);

    private static string Lines(CapturingLogger log, string containing) =>
        string.Join("\n", log.Entries.Where(e => e.Message.Contains(containing, StringComparison.Ordinal)).Select(e => e.Message));
}

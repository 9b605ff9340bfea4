using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;
using Edge.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>Device notifications: on change and cyclic, max delay, FILETIME stamps, addressing, limits.</summary>
[TestClass]
public sealed class NotificationTests
{
    private static readonly PlcLocation Rate = SampleBoards.BoardType.Locate("Metrics.AnomalyRate");

    [TestMethod]
    public async Task OnChangeSendsTheCurrentValueThenEachChange()
    {
        await using var server = await TestServer.StartAsync();
        var board = server.Board(1);
        board.Update(v => v.Set(Rate, 1.5));
        await using var client = await server.ConnectAsync();
        var added = await client.AddNotificationAsync(OnChange(0x4040, (uint)Rate.Offset, 4));
        Assert.AreEqual(AdsErrorCode.NoError, added.ErrorCode);

        var first = await NextSampleAsync(client);
        Assert.AreEqual(added.Handle, first.Sample.NotificationHandle);
        Assert.AreEqual(1.5f, BitConverter.ToSingle(first.Sample.Data.Span));
        Assert.IsLessThan(TimeSpan.FromMinutes(1), (DateTimeOffset.UtcNow - first.Timestamp).Duration(), "FILETIME stamp near now");

        board.Update(v => v.Set(Rate, 1.5)); // same bytes: nothing to send
        board.Update(v => v.Set(SampleBoards.BoardType.Locate("Id"), 77)); // other bytes: nothing to send
        board.Update(v => v.Set(Rate, 2.5));
        var next = await NextSampleAsync(client);
        Assert.AreEqual(2.5f, BitConverter.ToSingle(next.Sample.Data.Span), "the next sample is the change, not a repeat");
        Assert.IsGreaterThanOrEqualTo(first.Timestamp, next.Timestamp);
    }

    [TestMethod]
    public async Task SamplesComeFromTheAddressTheClientUsedAndGoToTheClient()
    {
        await using var server = await TestServer.StartAsync();
        var local = new AmsAddress(AmsNetId.Local, TestServer.DevicePort);
        await using var client = await AdsTcpClient.ConnectAsync("127.0.0.1", server.Port, local, TestServer.ClientAddress);
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(OnChange(0x4040, 0, 4))).ErrorCode);
        var notification = await client.Notifications.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(local, notification.Header.Source, "ads-client keys subscriptions by the AddNotification answer's source");
        Assert.AreEqual(TestServer.ClientAddress, notification.Header.Target);
        Assert.AreEqual(AmsStateFlags.Request, notification.Header.StateFlags, "TwinCAT sends notifications with flags 4");
        Assert.AreEqual(0u, notification.Header.InvokeId);
    }

    [TestMethod]
    public async Task TheAnswerComesBeforeTheFirstSample()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var add = Payloads.Build(w => AdsRequestEncoder.WriteAddNotification(w, OnChange(0x4040, 0, 88)));
        await socket.SendAsync(server.Request(AdsCommandId.AddDeviceNotification, add, invokeId: 5));
        var (answer, _) = await socket.ReadAnswerAsync();
        Assert.AreEqual((AdsCommandId.AddDeviceNotification, 5u), (answer.Command, answer.InvokeId));
        var (sample, payload) = await socket.ReadAnswerAsync();
        Assert.AreEqual(AdsCommandId.DeviceNotification, sample.Command);
        Assert.AreEqual(88, AdsNotificationStreamReader.Read(payload).Single().Samples.Single().Data.Length);
    }

    /// <summary>On the server's clock (a fake one here, stepped a cycle at a time): a sample a cycle, stamped with the time it was taken.</summary>
    [TestMethod]
    public async Task CyclicSendsEveryCycleEvenWithoutChange()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        // Timeouts longer than the hours stepped: a sample still in the outbox when the clock jumps must not count as a peer that stopped reading.
        await using var server = await TestServer.StartAsync(o => { o.TimeProvider = time; o.IdleTimeout = o.SendTimeout = o.RequestTimeout = TimeSpan.FromDays(1); });
        await using var client = await server.ConnectAsync();
        // An hour's cycle: a server that waited on real time instead of its clock would not sample again within the test.
        var cycle = TimeSpan.FromHours(1);
        var request = new AdsAddNotificationRequest(0x4040, 0, 4, AdsTransMode.Cyclic, 0, (uint)cycle.Ticks);
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(request)).ErrorCode);
        var stamps = new List<DateTimeOffset> { (await NextSampleAsync(client)).Timestamp };
        while (stamps.Count < 4)
        {
            time.Advance(cycle);
            stamps.Add((await NextSampleAsync(client)).Timestamp);
        }
        for (int i = 0; i < stamps.Count; i++)
            Assert.AreEqual(time.Start + i * cycle, stamps[i], $"sample {i + 1}: one a cycle, stamped when it was taken");
    }

    [TestMethod]
    public async Task MaxDelayCollectsSamplesIntoOneFrame()
    {
        // The max delay runs on the server's clock, a fake one here: it passes when the test says,
        // however slowly the machine samples the changes.
        var time = new FakeTimeProvider();
        await using var server = await TestServer.StartAsync(o => o.TimeProvider = time);
        var board = server.Board(1);
        board.Update(v => v.Set(Rate, 0.5));
        await using var client = await server.ConnectAsync();
        var maxDelay = TimeSpan.FromSeconds(1);
        var request = OnChange(0x4040, (uint)Rate.Offset, 4) with { MaxDelay = (uint)maxDelay.Ticks, CycleTime = 0 };
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(request)).ErrorCode);
        // Each change is sampled (its sample queued for the max delay: seen in the connection's
        // state, not by waiting) before the next: the frame must then carry both.
        await Eventually.TrueAsync(() => QueuedSampleBytes(server) > 0, "the first sample (the current value) waiting");
        long queued = QueuedSampleBytes(server);
        board.Update(v => v.Set(Rate, 1.0));
        await Eventually.TrueAsync(() => QueuedSampleBytes(server) > queued, "the first change sampled and waiting");
        queued = QueuedSampleBytes(server);
        board.Update(v => v.Set(Rate, 2.0));
        await Eventually.TrueAsync(() => QueuedSampleBytes(server) > queued, "the second change sampled and waiting");
        Assert.IsFalse(client.Notifications.TryRead(out _), "nothing is sent before the max delay");
        Assert.AreEqual(0, server.Server.Statistics.NotificationsSent, "nothing is sent before the max delay");
        time.Advance(maxDelay - TimeSpan.FromTicks(1));
        await Eventually.TrueAsync(() => server.Server.NotificationsCaughtUp, "the server caught up with the clock");
        Assert.AreEqual(0, server.Server.Statistics.NotificationsSent, "still nothing a tick before the max delay");
        time.Advance(TimeSpan.FromTicks(1));
        var frame = await client.Notifications.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var values = frame.Stamps.SelectMany(s => s.Samples).Select(s => BitConverter.ToSingle(s.Data.Span)).ToArray();
        CollectionAssert.AreEqual(new[] { 0.5f, 1.0f, 2.0f }, values, "the samples waited for each other: the current value and both changes in one frame");
    }

    [TestMethod]
    public async Task DeletedNotificationsStop()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var first = await client.AddNotificationAsync(OnChange(0x4040, 0, 4));
        var second = await client.AddNotificationAsync(OnChange(0x4040, 88, 4));
        await NextSampleAsync(client);
        await NextSampleAsync(client);
        Assert.AreEqual(AdsErrorCode.NoError, await client.DeleteNotificationAsync(first.Handle));
        server.Board(1).Update(v => v.Set(SampleBoards.BoardType.Locate("Id"), 1));
        server.Board(2).Update(v => v.Set(SampleBoards.BoardType.Locate("Id"), 2));
        var next = await NextSampleAsync(client);
        Assert.AreEqual(second.Handle, next.Sample.NotificationHandle);
        Assert.AreEqual(AdsErrorCode.DeviceNotificationHandleInvalid, await client.DeleteNotificationAsync(first.Handle));
    }

    [TestMethod]
    public async Task StateChangesReachSubscribersOfTheDeviceDataGroup()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(OnChange(AdsIndexGroup.DeviceData, 0, 4))).ErrorCode);
        CollectionAssert.AreEqual(new byte[] { 5, 0, 0, 0 }, (await NextSampleAsync(client)).Sample.Data.ToArray());
        server.Server.SetState(AdsState.Stop);
        CollectionAssert.AreEqual(new byte[] { 6, 0, 0, 0 }, (await NextSampleAsync(client)).Sample.Data.ToArray());
    }

    [TestMethod]
    public async Task AHandleWhoseSymbolWentAwaySendsOneEmptySample()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        uint handle = await HandleTests.Handle(client, "Board2.Id");
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(OnChange(AdsIndexGroup.SymbolValueByHandle, handle, 4))).ErrorCode);
        await NextSampleAsync(client);
        server.Symbols.Unpublish("Board2");
        Assert.AreEqual(0, (await NextSampleAsync(client)).Sample.Data.Length);
    }

    [TestMethod]
    public async Task NotificationsAreLimitedInNumberAndSize()
    {
        await using var server = await TestServer.StartAsync(o => { o.MaxNotificationsPerConnection = 2; o.MaxNotificationSize = 16; });
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.DeviceInvalidWatchSize, (await client.AddNotificationAsync(OnChange(0x4040, 0, 88))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(OnChange(0x4040, 0, 4))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.NoError, (await client.AddNotificationAsync(OnChange(0x4040, 4, 4))).ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceNoMoreHandles, (await client.AddNotificationAsync(OnChange(0x4040, 8, 4))).ErrorCode);
    }

    private static AdsAddNotificationRequest OnChange(uint group, uint offset, uint length) =>
        new(group, offset, length, AdsTransMode.OnChange, 0, (uint)TimeSpan.FromMilliseconds(1).Ticks);

    // Samples one at a time, whichever frames and stamps the server grouped them in.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AdsTcpClient, Queue<(AdsNotificationSample, DateTimeOffset)>> Pending = new();

    private static async Task<(AdsNotificationSample Sample, DateTimeOffset Timestamp)> NextSampleAsync(AdsTcpClient client)
    {
        var pending = Pending.GetOrCreateValue(client);
        while (pending.Count == 0)
        {
            var frame = await client.Notifications.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            foreach (var stamp in frame.Stamps)
            {
                foreach (var sample in stamp.Samples)
                    pending.Enqueue((sample, stamp.Timestamp));
            }
        }
        return pending.Dequeue();
    }

    private static long QueuedSampleBytes(TestServer server) => server.Server.Connections.SingleOrDefault()?.QueuedSampleBytes ?? 0;
}

using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// Idle, slow (slowloris) and non-reading peers lose their connection after the idle, request and
/// send timeouts. The server runs on a fake clock: the tests move time, they never wait for it.
/// </summary>
[TestClass]
public sealed class TimeoutTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Request = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Send = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task AnIdleConnectionIsClosedAfterTheIdleTimeoutAndTrafficKeepsItOpen()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturingLogger());
        // The client may see an answer an instant before the server notes it as sent: with a send
        // timeout shorter than the steps below, that instant could look like a peer that reads nothing.
        await using var server = await StartAsync(time, log, configure: o => o.SendTimeout = TimeSpan.FromDays(1));
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);

        time.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState, "just before the timeout it is served, and the request counts as traffic");
        time.Advance(Idle - TimeSpan.FromSeconds(1));
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState, "the idle clock started again at the last request");

        time.Advance(Idle);
        await client.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => server.Server.Statistics.ActiveConnections == 0, "the connection is gone");
        Assert.AreEqual(1, server.Server.Statistics.ConnectionsTimedOut);
        Assert.IsTrue(log.Contains(LogLevel.Information, "nothing received or sent for 120 s (idle timeout)"), Dump(log));
    }

    [TestMethod]
    public async Task AFrameThatNeverCompletesIsClosedAfterTheRequestTimeout()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturingLogger());
        await using var server = await StartAsync(time, log);
        await using var slow = await server.ConnectRawAsync();
        var frame = server.Request(AdsCommandId.ReadState, []);
        await slow.SendAsync(frame[..10]); // a slowloris sends a little of a frame and stalls
        await Eventually.TrueAsync(() => server.Server.Connections.SingleOrDefault()?.PartialFrameBytes == 10, "the server holds 10 bytes of the frame");

        time.Advance(Request);
        Assert.IsTrue(await slow.IsClosedByServerAsync());
        Assert.AreEqual(1, server.Server.Statistics.ConnectionsTimedOut);
        Assert.IsTrue(log.Contains(LogLevel.Warning, "is still incomplete, 10 bytes of it received (request timeout 10 s)"), Dump(log));
    }

    [TestMethod]
    public async Task AConnectionThatSendsNothingIsClosedAfterTheRequestTimeout()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturingLogger());
        await using var server = await StartAsync(time, log);
        await using var silent = await server.ConnectRawAsync();
        await Eventually.TrueAsync(() => server.Server.Connections.Count == 1, "accepted");

        time.Advance(Request);
        Assert.IsTrue(await silent.IsClosedByServerAsync(), "it holds no slot for the idle timeout's two minutes");
        Assert.IsTrue(log.Contains(LogLevel.Warning, "no request within 10 s of connecting (request timeout)"), Dump(log));
    }

    [TestMethod]
    public async Task APeerThatReadsNothingIsClosedAfterTheSendTimeout()
    {
        var (time, log) = (new FakeTimeProvider(), new CapturingLogger());
        var table = SampleBoards.CreateTable();
        var big = PlcTypes.Array(PlcTypes.Real, 0, 16 * 1024 - 1); // 64 KiB per answer
        table.Publish("Big", big, 0x4050, 0);
        await using var server = await StartAsync(time, log, table, o => o.MaxQueuedBytesPerConnection = 64 * 1024);
        await using var deaf = await server.ConnectRawAsync(receiveBuffer: 4096);
        var read = Payloads.Read(0x4050, 0, (uint)big.Size);
        for (int i = 0; i < 400; i++) // 25 MiB of answers: more than every socket buffer and the outbox hold
            await deaf.SendAsync(server.Request(AdsCommandId.Read, read, invokeId: (uint)i));
        await Eventually.TrueAsync(() => server.Server.Connections.SingleOrDefault()?.QueuedBytes > 0, "answers wait in the outbox");

        // The kernel may still take answers for a moment. The sweep runs inside Advance: after each
        // step either the outbox had made no progress since before it (the sweep closes the peer) or
        // the socket took bytes since (the wait restarted at the new time) and one more step is due.
        // The deaf peer's buffers are finite, so the steps end; none waits on the wall clock.
        for (int steps = 0; server.Server.Statistics.ConnectionsTimedOut == 0; steps++)
        {
            Assert.IsLessThan(100_000, steps, "the outbox kept making progress towards a peer that reads nothing");
            time.Advance(Send);
            await Task.Yield();
        }
        await Eventually.TrueAsync(() => server.Server.Statistics.ActiveConnections == 0, "the connection is gone");
        Assert.AreEqual(1, server.Server.Statistics.ConnectionsTimedOut);
        Assert.IsTrue(log.Contains(LogLevel.Warning, "bytes waiting for it for 30 s (send timeout)"), Dump(log));
    }

    private static Task<TestServer> StartAsync(FakeTimeProvider time, CapturingLogger log, Ads.Server.Symbols.AdsSymbolTable? table = null, Action<AdsServerOptions>? configure = null) =>
        TestServer.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.IdleTimeout = Idle;
            o.RequestTimeout = Request;
            o.SendTimeout = Send;
            configure?.Invoke(o);
        }, table, log);

    private static string Dump(CapturingLogger log) => string.Join("\n", log.Entries.Select(e => $"{e.Level}: {e.Message}"));
}

using Edge.Board.Link;
using Edge.Board.Tests.Support;
using Edge.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Board.Tests.Link;

/// <summary>
/// Issue 12, "half-open board links": a board that loses power behind a TCP connection leaves the
/// host's socket open, reads never end and writes still succeed. The link's heartbeat (a ping
/// when idle) then goes unanswered, and its attempts run out. Time is stepped by the test
/// (a fake clock), so nothing here waits for real timeouts.
/// </summary>
[TestClass]
public sealed class HeartbeatTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    [TestMethod]
    public async Task AnIdleLinkPingsAndABoardThatWentSilentIsDeclaredGone()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var rig = await BoardRig.StartAsync(options: new LinkOptions { Heartbeat = Heartbeat, ResponseTimeout = Timeout, Attempts = 8, TimeProvider = time });
        var stats = rig.Client.Link.Statistics;

        // A live board answers every ping; the link stays up however long it is idle.
        for (int beat = 1; beat <= 3; beat++)
        {
            long answered = stats.Responses;
            time.Advance(Heartbeat);
            await Eventually.TrueAsync(() => stats.Heartbeats == beat && stats.Responses > answered, $"ping {beat} answered");
        }
        Assert.IsNull(rig.Client.Link.CloseReason);

        // The board loses power: nothing gets through, nothing closes.
        rig.Line.Silent = true;
        var silentSince = time.GetUtcNow();
        time.Advance(Heartbeat);
        await Eventually.TrueAsync(() => stats.Heartbeats == 4, "a ping into the silence");
        for (int step = 0; step < 40 && rig.Client.Link.CloseReason is null; step++)
        {
            long resends = stats.Resends;
            time.Advance(Timeout);
            await Eventually.TrueAsync(() => stats.Resends > resends || rig.Client.Link.CloseReason is not null, "the overdue ping sent again, or the link given up");
        }
        var reason = rig.Client.Link.CloseReason;
        Assert.IsNotNull(reason, "the link noticed");
        StringAssert.Contains(reason.Message, "0x03 (ping)");
        StringAssert.Contains(reason.Message, "8 attempts");
        Assert.IsLessThanOrEqualTo(Heartbeat + 8 * Timeout + Timeout, time.GetUtcNow() - silentSince, "noticed within heartbeat + attempts x timeout (the clock's time, stepped)");
        await Assert.ThrowsExactlyAsync<BoardLinkException>(() => rig.Client.StatusAsync());
    }
}

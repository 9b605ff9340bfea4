using Edge.Board.Link;
using Edge.Board.Tests.Support;

namespace Edge.Board.Tests.Link;

/// <summary>
/// Issue 12, "half-open board links": a board that loses power behind a TCP connection leaves the
/// host's socket open, reads never end and writes still succeed. The link's heartbeat (a ping
/// when idle) then goes unanswered, and its attempts run out. Time is the rig's fake clock: the
/// test steps it to each heartbeat; while a ping waits for an answer that cannot come the clock
/// steps itself (<see cref="QuietLinkClock"/>), so nothing here waits for real timeouts.
/// </summary>
[TestClass]
public sealed class HeartbeatTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    [TestMethod]
    public async Task AnIdleLinkPingsAndABoardThatWentSilentIsDeclaredGone()
    {
        await using var rig = await BoardRig.StartAsync(options: new LinkOptions { Heartbeat = Heartbeat, ResponseTimeout = Timeout, Attempts = 8 });
        var time = rig.Clock.Time;
        var stats = rig.Client.Link.Statistics;
        await rig.Clock.UntilIdleAsync();

        // A live board answers every ping; the link stays up however long it is idle.
        for (int beat = 1; beat <= 3; beat++)
        {
            long answered = stats.Responses;
            time.Advance(Heartbeat);
            Assert.AreEqual(beat, stats.Heartbeats, "the heartbeat is due: a ping goes out (the check runs in the clock's timer)");
            await rig.Clock.UntilIdleAsync();
            Assert.AreEqual(answered + 1, stats.Responses, $"ping {beat} answered");
            Assert.AreEqual(0, stats.Resends, "a live board's pings need no resend");
        }
        Assert.IsNull(rig.Client.Link.CloseReason);

        // The board loses power: nothing gets through, nothing closes.
        rig.Line.Silent = true;
        var silentSince = time.GetUtcNow();
        time.Advance(Heartbeat);
        Assert.AreEqual(4, stats.Heartbeats, "a ping into the silence");
        // The link closes when its attempts run out: its telemetry channel completes then (the
        // bound only stops a hang; the clock steps itself while the ping waits).
        await rig.Client.Link.Telemetry.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        var reason = rig.Client.Link.CloseReason;
        Assert.IsNotNull(reason, "the link noticed");
        StringAssert.Contains(reason.Message, "0x03 (ping)");
        StringAssert.Contains(reason.Message, "8 attempts");
        Assert.AreEqual(7, stats.Resends, "sent 8 times in all");
        Assert.AreEqual(Heartbeat + 8 * Timeout, time.GetUtcNow() - silentSince, "given up exactly after heartbeat + attempts x timeout of the link's (stepped) clock");
        await Assert.ThrowsExactlyAsync<BoardLinkException>(() => rig.Client.StatusAsync());
    }
}

using Edge.Ads.Server.Logging;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>The one mechanism for repeated log events: a burst per window in full, the rest counted and summarised.</summary>
[TestClass]
public sealed class LogThrottleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    [TestMethod]
    public void AFloodBecomesABurstAndOneSummaryPerWindow()
    {
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        using var throttle = new LogThrottle(log, time, Window, burst: 3);

        int allowed = Enumerable.Range(1, 1000).Count(i => throttle.Allow("connections refused", LogLevel.Warning, $"peer {i}"));

        Assert.AreEqual(3, allowed, "the first three of the window");
        Assert.AreEqual(997, throttle.Suppressed);
        Assert.IsEmpty(log.Entries, "nothing is summarised before the window ends");
        time.Advance(Window); // the flood has stopped: the throttle's own timer writes the summary
        var summary = log.Entries.Single();
        Assert.AreEqual(LogLevel.Warning, summary.Level, "at the level of the events");
        Assert.AreEqual("connections refused: 997 more not logged in the last 10 s; the last: peer 1000", summary.Message);

        Assert.IsTrue(throttle.Allow("connections refused", LogLevel.Warning, "peer 1001"), "a new window starts with a full line again");
    }

    [TestMethod]
    public void EachWindowHasItsBurstAndItsSummary()
    {
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        using var throttle = new LogThrottle(log, time, Window, burst: 1);
        Assert.IsTrue(throttle.Allow("k", LogLevel.Information, "a"));
        Assert.IsFalse(throttle.Allow("k", LogLevel.Information, "b"));
        time.Advance(Window);
        Assert.AreEqual("k: 1 more not logged in the last 10 s; the last: b", log.Entries.Single().Message);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.IsTrue(throttle.Allow("k", LogLevel.Information, "c"), "the next window has its burst");
        Assert.IsFalse(throttle.Allow("k", LogLevel.Information, "d"));
        Assert.IsFalse(throttle.Allow("k", LogLevel.Information, "e"));
        time.Advance(Window);
        Assert.HasCount(2, log.Entries);
        StringAssert.StartsWith(log.Entries[1].Message, "k: 2 more not logged in the last ");
        StringAssert.EndsWith(log.Entries[1].Message, "; the last: e");
    }

    [TestMethod]
    public void KindsAreCountedApartAndCapped()
    {
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        using var throttle = new LogThrottle(log, time, Window, burst: 1, maxKinds: 2);
        Assert.IsTrue(throttle.Allow("a", LogLevel.Warning, ""));
        Assert.IsTrue(throttle.Allow("b", LogLevel.Warning, ""), "another kind has its own burst");
        // Past the cap, new kinds share one: a peer cannot grow the table by inventing kinds.
        Assert.IsTrue(throttle.Allow("c", LogLevel.Warning, "c1"));
        Assert.IsFalse(throttle.Allow("d", LogLevel.Warning, "d1"));
        throttle.Flush(final: true);
        Assert.AreEqual($"{LogThrottle.OtherKinds}: 1 more not logged in the last 0 s; the last: d1", log.Entries.Single().Message);
    }

    [TestMethod]
    public void EventsAtALevelNotLoggedAreNotCounted()
    {
        var log = new CapturingLogger(LogLevel.Information);
        using var throttle = new LogThrottle(log, new FakeTimeProvider(), Window, burst: 1);
        for (int i = 0; i < 10; i++)
            Assert.IsFalse(throttle.Allow("debug chatter", LogLevel.Debug, ""));
        Assert.AreEqual(0, throttle.Suppressed);
        throttle.Flush(final: true);
        Assert.IsEmpty(log.Entries);
    }

    [TestMethod]
    public void KindsThatWentQuietAreForgotten()
    {
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        using var throttle = new LogThrottle(log, time, Window, burst: 1, maxKinds: 1);
        Assert.IsTrue(throttle.Allow("connection 1", LogLevel.Warning, ""));
        time.Advance(Window);
        throttle.Flush();
        Assert.IsTrue(throttle.Allow("connection 2", LogLevel.Warning, ""), "the quiet kind made room");
        Assert.IsFalse(throttle.Allow("connection 2", LogLevel.Warning, ""));
    }
}

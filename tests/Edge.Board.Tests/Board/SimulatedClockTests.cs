using Edge.Board.Simulation;
using Edge.Board.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Board.Tests.Board;

/// <summary>
/// The simulated board's clock on a fake time provider: real time counts while the board waits,
/// not while it works (held), and modelled time always; so a command's pulses lie on the board's
/// timeline as the cost model puts them, however long the host takes. Time is stepped, never waited for.
/// </summary>
[TestClass]
public sealed class SimulatedClockTests
{
    [TestMethod]
    public void RealTimeCountsOnlyWhileTheBoardWaits()
    {
        var time = new FakeTimeProvider();
        var clock = new SimulatedClock(time);
        Assert.AreEqual(0, clock.Microseconds);

        time.Advance(TimeSpan.FromMilliseconds(3));
        Assert.AreEqual(3_000, clock.Microseconds, "waiting: real time");

        using (clock.Hold())
        {
            time.Advance(TimeSpan.FromMilliseconds(50)); // the host computing, or descheduled
            Assert.AreEqual(3_000, clock.Microseconds, "working: the host's time is not the board's");
            clock.Advance(1_234);
            Assert.AreEqual(4_234, clock.Microseconds, "modelled time counts");
        }
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.AreEqual(5_234, clock.Microseconds, "waiting again: real time from where it stopped");
    }

    /// <summary>A board rig's board keeps the rig's time: its uptime, seen over the link, moves by exactly what the test advanced.</summary>
    [TestMethod]
    public async Task ARigsBoardKeepsTheRigsTime()
    {
        await using var rig = await BoardRig.StartAsync();
        var before = await rig.Client.StatusAsync();
        rig.Clock.Time.Advance(TimeSpan.FromSeconds(5));
        var after = await rig.Client.StatusAsync();
        Assert.AreEqual(before.UptimeMs + 5_000, after.UptimeMs, "five seconds of the rig's clock, no more (the host's time while it waited is not the board's)");
    }

    [TestMethod]
    public void PulsesOfOneCommandAreBackToBackAndExactlyModelled()
    {
        var time = new FakeTimeProvider();
        var clock = new SimulatedClock(time);
        var pin = new SimulatedTriggerPin(clock, () => 11_329.3);
        time.Advance(TimeSpan.FromMilliseconds(20));
        using (clock.Hold())
        {
            for (int i = 0; i < 4; i++)
            {
                pin.High();
                time.Advance(TimeSpan.FromMicroseconds(700 + 3_000 * i)); // the host's inference, a different time each run
                pin.Low();
                time.Advance(TimeSpan.FromMicroseconds(37)); // the host between two inferences
            }
        }
        var edges = pin.Edges.ToArray();
        CollectionAssert.AreEqual(
            new[] { (20_000L, 31_329L), (31_329L, 42_658L), (42_658L, 53_987L), (53_987L, 65_316L) }, edges);
    }

    [TestMethod]
    public void NestedHoldsReleaseTheClockOnlyAtTheOutermost()
    {
        var time = new FakeTimeProvider();
        var clock = new SimulatedClock(time);
        var outer = clock.Hold();
        var inner = clock.Hold();
        inner.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.AreEqual(0, clock.Microseconds, "still held by the outer");
        outer.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.AreEqual(5_000, clock.Microseconds);
    }
}

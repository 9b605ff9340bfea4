using Edge.Board.Simulation;
using Edge.Hil.Bench.Simulated;
using Edge.Power.Energy;
using Edge.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hil.Tests.Cells;

/// <summary>
/// The simulated board's current on a timeline written by hand: a board on a fake clock (its
/// time moves only when the test says), trigger periods put on its pin's record directly. The
/// F401RE's profile draws 15 mA idle and 30 mA while the pin is high, so every mean over a
/// window is the overlap worked out by hand: (30 mA · high time + 15 mA · the rest) / width.
/// </summary>
[TestClass]
public sealed class BoardTimelineCurrentTests
{
    private const double Idle = 0.015, Active = 0.030;

    private sealed class Timeline : IDisposable
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch);

        public SimulatedBoard Board { get; }

        public SimulatedBoardCurrent Current { get; } = new();

        public Timeline()
        {
            Board = new SimulatedBoard(BoardProfile.NucleoF401re, RepoPaths.TempDirectory("hil-timeline"), time: Time);
            Current.Attach(Board);
            Current.Arm();
        }

        /// <summary>
        /// Moves the board's clock (it starts at 0) on to <paramref name="micros"/>. The board's own
        /// loop holds its clock while it polls the device code, and real time passing during a hold
        /// is not board time, so an advance can land in a hold and not count: advance again by what
        /// is still missing until the board's clock reads the time (nothing else moves it here).
        /// </summary>
        public void At(long micros)
        {
            long now;
            while ((now = Board.Clock.Microseconds) < micros)
            {
                Time.Advance(TimeSpan.FromTicks((micros - now) * TimeSpan.TicksPerMicrosecond));
                if (Board.Clock.Microseconds < micros) Thread.Yield();
            }
            Assert.AreEqual(micros, Board.Clock.Microseconds, "the board's clock overshot: something else moved it");
        }

        public void Pulse(long start, long end) => Board.Pin.Edges.Enqueue((start, end));

        public void Dispose() => Board.Dispose();
    }

    [TestMethod]
    public void TheMeanCurrentIsIdlePlusTheActiveShareOfTheWindow()
    {
        using var t = new Timeline();
        Assert.IsNull(t.Current.OriginMicros, "no time 0 before the monitor asked");
        Assert.AreEqual(Idle, t.Current.MeanCurrent(0, 0), "an empty window is idle");
        Assert.AreEqual(0L, t.Current.OriginMicros, "the first question fixed time 0 at the board's clock");
        t.Pulse(1000, 1500);
        t.Pulse(3000, 4000);
        t.At(10_000);

        Assert.AreEqual(Idle, t.Current.MeanCurrent(0, 0.0005), 1e-12, "before the first pulse");
        Assert.AreEqual((Active * 500 + Idle * 500) / 1000, t.Current.MeanCurrent(0.0005, 0.0015), 1e-12, "half of the first pulse");
        Assert.AreEqual((Active * 500 + Idle * 1500) / 2000, t.Current.MeanCurrent(0.0015, 0.0035), 1e-12, "half of the second, none of the first");
        Assert.AreEqual(Active, t.Current.MeanCurrent(0.0035, 0.0036), 1e-12, "inside the second");
        Assert.AreEqual(Active, t.Current.CurrentAt(0.0039), 1e-12);
        Assert.AreEqual(Idle, t.Current.CurrentAt(0.004), 1e-12, "a pulse ends at its end");
        Assert.AreEqual(Idle, t.Current.MeanCurrent(0.005, 0.009), 1e-12);
    }

    [TestMethod]
    public void AWindowOverSeveralPulsesCountsEachOnce()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        t.Pulse(300, 400);
        t.Pulse(900, 1000);
        t.At(2000);
        // 0..1000 µs: 300 µs high.
        Assert.AreEqual((Active * 300 + Idle * 700) / 1000, t.Current.MeanCurrent(0, 0.001), 1e-12);
        // 150..950 µs: 50 + 100 + 50 µs high.
        Assert.AreEqual((Active * 200 + Idle * 600) / 800, t.Current.MeanCurrent(0.00015, 0.00095), 1e-12);
    }

    [TestMethod]
    public void TimeZeroIsTheBoardsClockAtTheFirstQuestionAndEarlierPulsesAreDropped()
    {
        using var t = new Timeline();
        t.Pulse(1000, 1500); // over before time 0
        t.Pulse(1700, 2000); // falls exactly at time 0: over too
        t.Pulse(1800, 2600); // straddles it
        t.At(2000);
        Assert.IsNull(t.Current.OriginMicros);
        t.Current.MeanCurrent(0, 0);
        Assert.AreEqual(2000L, t.Current.OriginMicros);
        t.At(3000);
        Assert.AreEqual(Active, t.Current.MeanCurrent(0, 0.0001), 1e-12, "the straddling pulse is high at time 0");
        var periods = t.Current.Periods();
        Assert.AreEqual(1, periods.Count);
        Assert.AreEqual(-0.0002, periods[0].Start, 1e-12);
        Assert.AreEqual(0.0006, periods[0].End, 1e-12);
    }

    [TestMethod]
    public void AFirstQuestionAtALaterTimePlacesTimeZeroBeforeTheClock()
    {
        using var t = new Timeline();
        t.At(5000);
        t.Current.MeanCurrent(0.001, 0.001);
        Assert.AreEqual(4000L, t.Current.OriginMicros, "the clock minus the time asked for");
    }

    [TestMethod]
    public void AnEarlierQuestionStartsANewAcquisition()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        t.At(1000);
        Assert.AreEqual(Active, t.Current.MeanCurrent(0.00015, 0.00016), 1e-12);
        t.At(3000);
        // Asked from 0 again: a new time 0 at the clock (3000 µs), the old pulse forgotten.
        Assert.AreEqual(Idle, t.Current.MeanCurrent(0, 0), 1e-12);
        Assert.AreEqual(3000L, t.Current.OriginMicros);
        Assert.AreEqual(0, t.Current.Periods().Count);
    }

    [TestMethod]
    public void ArmForgetsEveryPulseAndTimeZero()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        t.At(1000);
        Assert.AreEqual(1, t.Current.Periods().Count);
        t.Pulse(300, 400); // recorded by the pin, not collected yet
        t.Current.Arm();
        Assert.IsNull(t.Current.OriginMicros);
        t.Current.MeanCurrent(0, 0);
        Assert.AreEqual(0, t.Current.Periods().Count, "neither the collected nor the pending pulse survives Arm");
    }

    [TestMethod]
    public void APulseLeftOnThePinBeforeArmIsForgottenEvenIfItLiesAfterTheNewTimeZero()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.At(1000);
        t.Pulse(300, 400); // recorded by the pin, not collected
        t.Current.Arm();
        // The first question after Arm asks for 1 ms at clock 1000 µs: time 0 is board time 0, before the pulse.
        t.Current.MeanCurrent(0.001, 0.001);
        Assert.AreEqual(0L, t.Current.OriginMicros);
        Assert.AreEqual(0, t.Current.Periods().Count, "Arm drained the pin's record");
    }

    [TestMethod]
    public void TheEdgesInAWindowAreItsRisesAndFallsInTimeOrder()
    {
        using var t = new Timeline();
        t.Current.EdgesBetween(0, 0);
        t.Pulse(100, 200);
        t.Pulse(300, 400);
        t.At(1000);
        var edges = t.Current.EdgesBetween(0, 0.001).ToList();
        CollectionAssert.AreEqual(new[] { new TriggerEdge(0.0001, true), new TriggerEdge(0.0002, false), new TriggerEdge(0.0003, true), new TriggerEdge(0.0004, false) },
            edges.Select(e => new TriggerEdge(Math.Round(e.Seconds, 9), e.Rising)).ToArray());
        // A window includes its start and excludes its end.
        var window = t.Current.EdgesBetween(0.0002, 0.0003).ToList();
        Assert.AreEqual(1, window.Count);
        Assert.AreEqual(0.0002, window[0].Seconds, 1e-12);
        Assert.IsFalse(window[0].Rising);
        // A rise at the window's start is in it; a fall at its end is not (questions come in increasing time).
        var rise = t.Current.EdgesBetween(0.0003, 0.0004).ToList();
        Assert.AreEqual(1, rise.Count);
        Assert.AreEqual(0.0003, rise[0].Seconds, 1e-12);
        Assert.IsTrue(rise[0].Rising);
        Assert.AreEqual(0, t.Current.EdgesBetween(0.0005, 0.0009).Count());
    }

    [TestMethod]
    public void EdgesAreInTraceSecondsFromTimeZeroNotBoardTime()
    {
        using var t = new Timeline();
        t.At(5000);
        t.Current.EdgesBetween(0, 0); // time 0 at board time 5000 µs
        t.Pulse(5100, 5250);
        t.At(6000);
        var edges = t.Current.EdgesBetween(0, 0.001).ToList();
        CollectionAssert.AreEqual(new[] { new TriggerEdge(0.0001, true), new TriggerEdge(0.00025, false) },
            edges.Select(e => new TriggerEdge(Math.Round(e.Seconds, 9), e.Rising)).ToArray());
    }

    [TestMethod]
    public async Task EdgesPastAMillionSecondsCannotBeAskedFor()
    {
        using var t = new Timeline();
        var endless = Assert.ThrowsExactly<NotSupportedException>(() => t.Current.EdgesBetween(0, double.PositiveInfinity));
        Assert.AreEqual("a simulated board's edges are known only up to its clock; use the software trigger", endless.Message);
        Assert.ThrowsExactly<NotSupportedException>(() => t.Current.EdgesBetween(0, 1e6 + 1));
        // A million seconds is still a time: the question waits for the clock (here until released).
        var edges = Task.Run(() => t.Current.EdgesBetween(0, 1e6).Count());
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "waiting");
        t.Current.Release();
        Assert.AreEqual(0, await edges.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [TestMethod]
    public async Task AQuestionPastTheClockWaitsUntilTheBoardGetsThere()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        var answer = Task.Run(() => t.Current.MeanCurrent(0.00015, 0.00025));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "the query reached the wait");
        Assert.IsFalse(answer.IsCompleted);
        t.At(249);
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "still waiting one microsecond short");
        Assert.IsFalse(answer.IsCompleted, "answered before the clock covered the window");
        t.At(250);
        Assert.AreEqual((Active * 50 + Idle * 50) / 100, await answer.WaitAsync(TimeSpan.FromSeconds(10)), 1e-12);
        Assert.AreEqual(0, t.Current.Waiting);
    }

    [TestMethod]
    public async Task APeriodStillOpenHoldsTheTimelineAtItsRise()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.At(100);
        t.Board.Pin.High(); // risen at 100 µs: what follows is not known until it falls
        t.At(1000);
        var answer = Task.Run(() => t.Current.MeanCurrent(0.0002, 0.0003));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "the query reached the wait");
        Assert.IsFalse(answer.IsCompleted, "answered past an open period's rise");
        t.Board.Pin.Low(); // no model: a zero-length period, and the board's clock back at its end (100 µs)
        t.At(1000);
        Assert.AreEqual(Idle, await answer.WaitAsync(TimeSpan.FromSeconds(10)), 1e-12);
    }

    [TestMethod]
    public async Task WaitsEndWhenTheBoardIsDetachedReArmedOrReleased()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        var detached = Task.Run(() => t.Current.MeanCurrent(0.5, 0.6));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "waiting");
        t.Current.Detach();
        Assert.AreEqual(Idle, await detached.WaitAsync(TimeSpan.FromSeconds(10)), "a detached board's waiter gets the idle current");
        Assert.IsNull(t.Current.OriginMicros, "detached: no acquisition");
        Assert.AreEqual(Idle, t.Current.MeanCurrent(0.7, 0.8), "no board: nothing to wait for");
        Assert.AreEqual(0, t.Current.EdgesBetween(0.7, 0.8).Count());

        t.Current.Attach(t.Board);
        t.Current.MeanCurrent(0, 0);
        var rearmed = Task.Run(() => t.Current.MeanCurrent(0.5, 0.6));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "waiting again");
        t.Current.Arm();
        Assert.AreEqual(Idle, await rearmed.WaitAsync(TimeSpan.FromSeconds(10)));

        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        t.At(300);
        Assert.AreEqual(1, t.Current.EdgesBetween(0, 0.00015).Count(), "the rise at 100 µs, collected");
        // Waiting past the clock over a window that starts in the pulse: abandoned, the answer is the idle current, not the overlap.
        var overPulse = Task.Run(() => t.Current.MeanCurrent(0.00015, 0.5));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1, "waiting over the pulse");
        t.Current.Release();
        Assert.AreEqual(Idle, await overPulse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.AreEqual(0, t.Current.EdgesBetween(0.5, 0.6).Count(), "released: no edges");
        Assert.AreEqual(Idle, t.Current.MeanCurrent(0.00015, 0.00025), "released for good: answers at once, idle even over the pulse");
    }

    [TestMethod]
    public async Task AnInferenceCommandFreezesTheTimelineAtItsStartUntilDisposed()
    {
        using var t = new Timeline();
        t.Current.MeanCurrent(0, 0);
        t.At(500);
        var command = t.Current.InferenceCommand();
        t.Pulse(600, 700);
        t.At(1000);
        var answer = Task.Run(() => t.Current.MeanCurrent(0.0006, 0.0007));
        await Eventually.TrueAsync(() => t.Current.Waiting == 1 || answer.IsCompleted, "the query reached the wait");
        Assert.IsFalse(answer.IsCompleted, "the frozen timeline ends at the command's start (500 µs)");
        command.Dispose();
        Assert.AreEqual(Active, await answer.WaitAsync(TimeSpan.FromSeconds(10)), 1e-12);
    }

    [TestMethod]
    public void TheCurrentsFollowTheAttachedBoardsProfile()
    {
        using var t = new Timeline();
        using var other = new SimulatedBoard(BoardProfile.NucleoF746zg, RepoPaths.TempDirectory("hil-timeline-2"));
        t.Current.MeanCurrent(0, 0);
        t.Pulse(100, 200);
        t.At(300);
        Assert.AreEqual(1, t.Current.Periods().Count);
        t.Current.Attach(other);
        Assert.IsNull(t.Current.OriginMicros, "another board: a new acquisition");
        Assert.AreEqual(0, t.Current.Periods().Count);
        Assert.AreEqual(0.060, t.Current.MeanCurrent(0, 0), 1e-12);
    }
}

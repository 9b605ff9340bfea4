using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's clock. While the board waits for the host it runs in real time (the
/// time provider's); while the board works (<see cref="Hold"/>, around each poll of the device
/// code) the host's real time does not count, only the modelled time booked with
/// <see cref="Advance"/>. So a command's inferences lie on the board's timeline exactly as the
/// cost model puts them (back to back: the cost model has no figure for the loop between them),
/// however long the host took or was descheduled. A <see cref="RealTime"/> clock also lets the
/// modelled time pass (the board is busy for it, as a real one is).
/// </summary>
public sealed class SimulatedClock(TimeProvider? time = null) : IClock
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private long _countedTicks; // real time counted before the current run (timestamp ticks)
    private long _runningSince = (time ?? TimeProvider.System).GetTimestamp(); // when the current run of real time began; unused while held
    private int _holds;
    private long _offsetMicros; // modelled time booked

    /// <summary>Modelled time passes in real time: <see cref="Advance"/> sleeps for it.</summary>
    public bool RealTime { get; init; }

    public long Microseconds
    {
        get
        {
            lock (_gate) return (long)((Int128)RealTicksLocked() * 1_000_000 / _time.TimestampFrequency) + _offsetMicros;
        }
    }

    /// <summary>
    /// The board works until the result is disposed: real time stops counting (nested holds are
    /// fine). Time booked with <see cref="Advance"/> meanwhile still counts.
    /// </summary>
    public HoldScope Hold()
    {
        lock (_gate)
        {
            if (_holds == 0) _countedTicks = RealTicksLocked();
            _holds++;
        }
        return new HoldScope(this);
    }

    /// <summary>Moves the board's time by this many microseconds (may be negative).</summary>
    public void Advance(double micros)
    {
        if (RealTime && micros > 0)
        {
            long before = Microseconds;
            Thread.Sleep(TimeSpan.FromTicks((long)(micros * TimeSpan.TicksPerMicrosecond)));
            micros -= Microseconds - before; // what counted of the sleep (nothing while held)
        }
        lock (_gate) _offsetMicros += (long)Math.Round(micros);
    }

    private void Release()
    {
        lock (_gate)
        {
            if (--_holds == 0) _runningSince = _time.GetTimestamp();
        }
    }

    private long RealTicksLocked() => _holds > 0 ? _countedTicks : _countedTicks + (_time.GetTimestamp() - _runningSince);

    /// <summary>Ends a <see cref="Hold"/>.</summary>
    public readonly struct HoldScope(SimulatedClock clock) : IDisposable
    {
        public void Dispose() => clock.Release();
    }
}

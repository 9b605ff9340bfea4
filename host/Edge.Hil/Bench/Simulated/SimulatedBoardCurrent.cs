using Edge.Board.Simulation;
using Edge.Power.Energy;
using Edge.Power.Simulation;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// The current a simulated board draws, as a power-monitor simulator's profile: the profile's
/// active current while an inference's trigger period is high (<see cref="SimulatedTriggerPin.Edges"/>),
/// its idle current otherwise. Time 0 is the board clock when the acquisition asked first.
/// <para>
/// Causal: the monitor never samples the board's future. A time the board's clock has not
/// reached is waited for; and while an `infer` command runs (<see cref="InferenceCommand"/>)
/// the timeline is only settled up to the command's start, since the pin's current period is
/// recorded when it falls. The board's clock runs ahead of real time by each modelled inference,
/// so after a burst the monitor streams as fast as the link takes it.
/// </para>
/// </summary>
public sealed class SimulatedBoardCurrent : ICurrentProfile
{
    private readonly Lock _gate = new();
    private readonly List<(long Start, long End)> _edges = [];
    private SimulatedBoard? _board;
    private double _idleAmps;
    private double _activeAmps;
    private long? _originMicros;
    private long? _frozenAtMicros;
    private int _cursor;
    private double _lastFrom = double.NegativeInfinity;
    private int _generation;
    private bool _released;
    private int _waiting;

    /// <summary>Queries waiting now for the board's timeline to cover them (tests see a query held back by this, not by waiting).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Board microseconds at trace time 0 of the current acquisition; null until the monitor asked.</summary>
    public long? OriginMicros { get { lock (_gate) return _originMicros; } }

    /// <summary>Follows a (re)started board: its pin, clock and currents.</summary>
    public void Attach(SimulatedBoard board)
    {
        lock (_gate)
        {
            _board = board;
            _idleAmps = board.Profile.IdleMilliamps / 1000;
            _activeAmps = board.Profile.ActiveMilliamps / 1000;
            ResetLocked();
        }
    }

    /// <summary>Stops following the board (its position is closing; another board may be attached later): waits end.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            ResetLocked();
            _board = null;
        }
    }

    /// <summary>The next query starts a new acquisition (its time 0); earlier pulses are forgotten.</summary>
    public void Arm()
    {
        lock (_gate) ResetLocked();
    }

    /// <summary>Wakes and ends every wait for good (the bench is closing).</summary>
    public void Release()
    {
        lock (_gate)
        {
            _released = true;
            _generation++;
        }
    }

    /// <summary>Marks an `infer` command in flight: the pin may be high, so the timeline is settled only up to now.</summary>
    public IDisposable InferenceCommand()
    {
        lock (_gate) _frozenAtMicros = _board?.Clock.Microseconds;
        return new Unfreeze(this);
    }

    /// <summary>The trigger periods since time 0 of this acquisition, in trace seconds, oldest first.</summary>
    public IReadOnlyList<PhaseWindow> Periods()
    {
        lock (_gate)
        {
            Collect();
            if (_originMicros is not { } origin) return [];
            return _edges.Select(e => new PhaseWindow((e.Start - origin) / 1e6, (e.End - origin) / 1e6)).ToList();
        }
    }

    public double CurrentAt(double seconds) => MeanCurrent(seconds, seconds + 1e-9);

    public double MeanCurrent(double from, double to)
    {
        lock (_gate)
        {
            if (!WaitUntilSettled(from, to, out long origin)) return _idleAmps;
            double a = origin + from * 1e6, b = origin + to * 1e6, width = b - a;
            if (width <= 0) return _idleAmps;
            // Queries come in increasing time: periods that ended before this one are done with.
            while (_cursor < _edges.Count && _edges[_cursor].End <= a) _cursor++;
            double active = 0;
            for (int i = _cursor; i < _edges.Count && _edges[i].Start < b; i++)
                active += Math.Max(0, Math.Min(b, _edges[i].End) - Math.Max(a, _edges[i].Start));
            return (_activeAmps * active + _idleAmps * (width - active)) / width;
        }
    }

    public IEnumerable<TriggerEdge> EdgesBetween(double from, double to)
    {
        if (double.IsInfinity(to) || to > 1e6) throw new NotSupportedException("a simulated board's edges are known only up to its clock; use the software trigger");
        lock (_gate)
        {
            if (!WaitUntilSettled(from, to, out long origin)) return [];
            var edges = new List<TriggerEdge>();
            foreach (var (start, end) in _edges)
            {
                double s = (start - origin) / 1e6, e = (end - origin) / 1e6;
                if (s >= from && s < to) edges.Add(new TriggerEdge(s, Rising: true));
                if (e >= from && e < to) edges.Add(new TriggerEdge(e, Rising: false));
            }
            return edges.OrderBy(e => e.Seconds).ToList();
        }
    }

    /// <summary>
    /// Waits (lock released) until the board's settled timeline covers <paramref name="to"/>; the
    /// first query of an acquisition fixes its time 0. False when the wait was abandoned (re-armed,
    /// another board attached, or released): the answer then no longer matters.
    /// </summary>
    private bool WaitUntilSettled(double from, double to, out long origin)
    {
        origin = 0;
        if (_board is null || _released) return false;
        // A monitor asks in increasing time within an acquisition: an earlier time is a new one (when nobody called Arm).
        if (from < _lastFrom) ResetLocked();
        _lastFrom = from;
        _originMicros ??= _board.Clock.Microseconds - (long)(from * 1e6);
        origin = _originMicros.Value;
        int generation = _generation;
        long needed = origin + (long)Math.Ceiling(to * 1e6);
        Interlocked.Increment(ref _waiting);
        try
        {
            while (Settled() < needed)
            {
                _gate.Exit();
                try
                {
                    Thread.Sleep(1);
                }
                finally
                {
                    _gate.Enter();
                }
                if (_generation != generation || _released || _board is null) return false;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        Collect();
        return true;
    }

    // The board's timeline is settled up to its clock, but not past a trigger period still open
    // (its end, and so the current after its rise, is known only when the pin falls). The clock
    // is read first: a rise between the two reads lies after the time returned.
    private long Settled()
    {
        if (_frozenAtMicros is { } frozen) return frozen;
        long now = _board!.Clock.Microseconds;
        return Math.Min(now, _board.Pin.OpenSince);
    }

    /// <summary>Moves the pin's recorded periods into this acquisition's list (those before time 0 are dropped).</summary>
    private void Collect()
    {
        if (_board is null) return;
        while (_board.Pin.Edges.TryDequeue(out var edge))
            if (_originMicros is { } origin && edge.End > origin) _edges.Add(edge);
    }

    private void ResetLocked()
    {
        _originMicros = null;
        _frozenAtMicros = null;
        _edges.Clear();
        _cursor = 0;
        _lastFrom = double.NegativeInfinity;
        _generation++;
        if (_board is not null) while (_board.Pin.Edges.TryDequeue(out _)) { }
    }

    private sealed class Unfreeze(SimulatedBoardCurrent owner) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._frozenAtMicros = null;
        }
    }
}

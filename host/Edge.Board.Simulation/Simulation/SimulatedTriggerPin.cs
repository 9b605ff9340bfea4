using System.Collections.Concurrent;
using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated trigger pin: where simulated inference time passes. When the board lowers it,
/// the clock is set so the pin was high for exactly the modelled inference time; each high
/// period is recorded on the board's timeline for a simulated power monitor to turn into current.
/// </summary>
public sealed class SimulatedTriggerPin(SimulatedClock clock, Func<double> modelledMicros) : ITriggerPin
{
    private long _highAt;
    private long _openSince = long.MaxValue;

    /// <summary>
    /// The rise of the period in progress (board microseconds), or long.MaxValue when the pin is
    /// low: the board's current after it is not known until the pin falls, so a monitor must not
    /// sample past it yet.
    /// </summary>
    public long OpenSince => Interlocked.Read(ref _openSince);

    /// <summary>High periods (start and end in the board's microseconds), oldest first; consumers dequeue.</summary>
    public ConcurrentQueue<(long Start, long End)> Edges { get; } = new();

    public long Pulses { get; private set; }

    /// <summary>
    /// Runs the timing path once (before a model is loaded, so it models nothing) and forgets it:
    /// the first real inference is then not timed with the JIT compiling this class.
    /// </summary>
    public void WarmUp()
    {
        High();
        Low();
        Edges.Clear();
        Pulses = 0;
    }

    public void High()
    {
        _highAt = clock.Microseconds;
        Interlocked.Exchange(ref _openSince, _highAt);
    }

    public void Low()
    {
        // The model's cost is looked up before the clock is read: the lookup (the first one parses
        // the model's metadata) must not count as time the pin was high.
        double modelled = modelledMicros();
        // The fall is exactly the modelled time after the rise, in the board's time: what the host
        // really took, and its scheduling between clock reads (tens of µs under load), stays out of the pulse.
        long end = _highAt + (long)Math.Round(modelled);
        clock.Advance(end - clock.Microseconds);
        Edges.Enqueue((_highAt, end));
        Interlocked.Exchange(ref _openSince, long.MaxValue);
        while (Edges.Count > 100_000) Edges.TryDequeue(out _);
        Pulses++;
    }
}

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
    private long _highAtReal;
    private long _highAt;

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
        _highAtReal = clock.RealMicroseconds;
        _highAt = clock.Microseconds;
    }

    public void Low()
    {
        // The model's cost is looked up before the clock is read: the lookup (the first one parses
        // the model's metadata) must not count as time the pin was high.
        double modelled = modelledMicros();
        long spent = clock.RealMicroseconds - _highAtReal;
        clock.Advance(modelled - spent);
        Edges.Enqueue((_highAt, clock.Microseconds));
        while (Edges.Count > 100_000) Edges.TryDequeue(out _);
        Pulses++;
    }
}

using System.Diagnostics;
using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's clock: real elapsed time, plus the difference between each modelled
/// inference and the time the host really took for it, so the board's own timing (and its
/// trigger edges) follow the cost model while everything else runs in real time.
/// </summary>
public sealed class SimulatedClock : IClock
{
    private readonly Stopwatch _real = Stopwatch.StartNew();
    private long _offsetTicks;

    public long Microseconds => (_real.ElapsedTicks + Interlocked.Read(ref _offsetTicks)) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Real time in microseconds, without the modelled adjustments.</summary>
    public long RealMicroseconds => _real.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Moves the board's time by this many microseconds (may be negative).</summary>
    public void Advance(double micros) => Interlocked.Add(ref _offsetTicks, (long)(micros * Stopwatch.Frequency / 1_000_000));
}

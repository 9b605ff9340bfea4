using System.Diagnostics;
using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's clock: real elapsed time, plus the difference between each modelled
/// inference and the time the host really took for it, so the board's own timing (and its
/// trigger edges) follow the cost model while everything else runs in real time. A
/// <see cref="RealTime"/> clock lets the modelled time pass instead (the board is busy for it,
/// as a real one is), and books only what the host overslept.
/// </summary>
public sealed class SimulatedClock : IClock
{
    /// <summary>Modelled time passes in real time: <see cref="Advance"/> sleeps for it.</summary>
    public bool RealTime { get; init; }

    private readonly Stopwatch _real = Stopwatch.StartNew();
    private long _offsetTicks;

    public long Microseconds => (_real.ElapsedTicks + Interlocked.Read(ref _offsetTicks)) * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Real time in microseconds, without the modelled adjustments.</summary>
    public long RealMicroseconds => _real.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

    /// <summary>Moves the board's time by this many microseconds (may be negative).</summary>
    public void Advance(double micros)
    {
        if (RealTime && micros > 0)
        {
            long from = _real.ElapsedTicks;
            Thread.Sleep(TimeSpan.FromTicks((long)(micros * TimeSpan.TicksPerMicrosecond)));
            micros -= (_real.ElapsedTicks - from) * 1_000_000.0 / Stopwatch.Frequency;
        }
        Interlocked.Add(ref _offsetTicks, (long)(micros * Stopwatch.Frequency / 1_000_000));
    }
}

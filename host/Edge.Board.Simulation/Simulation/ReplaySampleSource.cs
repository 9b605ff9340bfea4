using System.Diagnostics;
using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// A simulated sensor for a simulated board: hands out rows of a recorded table at a given rate
/// (real time), as a board's own feature pipeline would produce them. Rows can be appended while
/// it runs, so a demo or test can change the machine's conditions mid-stream.
/// </summary>
public sealed class ReplaySampleSource(double rowsPerSecond) : ISampleSource
{
    private readonly object _gate = new();
    private readonly Queue<float[]> _rows = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double _period = 1.0 / rowsPerSecond;
    private double _nextDue;
    private long _taken;

    /// <summary>Rows handed to the board so far.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Rows waiting.</summary>
    public int Pending { get { lock (_gate) return _rows.Count; } }

    public void Enqueue(IEnumerable<float[]> rows)
    {
        lock (_gate)
        {
            foreach (var row in rows) _rows.Enqueue(row);
        }
    }

    public bool TryRead(float[] row, int offset)
    {
        // Paced: one row per period; a source that waited for rows does not burst to catch up.
        double now = _clock.Elapsed.TotalSeconds;
        if (now < _nextDue) return false;
        float[] next;
        lock (_gate)
        {
            if (!_rows.TryDequeue(out next!)) return false;
        }
        Array.Copy(next, 0, row, offset, next.Length);
        _nextDue = Math.Max(_nextDue, now - _period) + _period;
        Interlocked.Increment(ref _taken);
        return true;
    }
}

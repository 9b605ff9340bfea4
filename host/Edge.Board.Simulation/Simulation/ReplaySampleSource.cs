using Edge.Device.Board;

namespace Edge.Board.Simulation;

/// <summary>
/// A simulated sensor for a simulated board: hands out rows of a recorded table at a given rate,
/// as a board's own feature pipeline would produce them. Rows can be appended while it runs, so a
/// demo or test can change the machine's conditions mid-stream. The rate follows a
/// <see cref="TimeProvider"/> (the system's by default; a test passes the fake clock its board runs on).
/// </summary>
public sealed class ReplaySampleSource : ISampleSource
{
    private readonly object _gate = new();
    private readonly Queue<float[]> _rows = new();
    private readonly TimeProvider _time;
    private readonly long _period; // timestamp ticks per row
    private long _nextDue;
    private long _taken;

    /// <param name="rowsPerSecond">Rows handed out per second of <paramref name="time"/>.</param>
    /// <param name="time">The clock that paces the rows; null: the system's.</param>
    public ReplaySampleSource(double rowsPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rowsPerSecond, 0);
        _time = time ?? TimeProvider.System;
        _period = Math.Max(1, (long)Math.Round(_time.TimestampFrequency / rowsPerSecond));
        _nextDue = _time.GetTimestamp();
    }

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
        // Paced: one row per period (in whole timestamp ticks, so a fake clock stepped by periods
        // gets exactly one row a step); a source that waited for rows does not burst to catch up.
        long now = _time.GetTimestamp();
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

using Microsoft.Extensions.Logging;

namespace Edge.Ads.Server.Logging;

/// <summary>
/// Keeps an event that repeats (a connect flood's refusals, a slow peer's dropped notifications,
/// a loop of failing accepts) from flooding the log. Per kind of event, the first <c>burst</c>
/// occurrences of each window are logged in full; later ones are only counted, and once the
/// window is over one line says how many were left out and quotes the last of them. The caller
/// names the kind and keeps kinds few (never one per peer address): past <c>maxKinds</c>, further
/// kinds share one. A summary is written when the window is over, by a timer the throttle sets
/// itself, so a flood that stops is still summarised. Time comes from a <see cref="TimeProvider"/>,
/// so tests need no waiting.
/// </summary>
public sealed partial class LogThrottle : IDisposable
{
    /// <summary>The kind that collects events once <c>maxKinds</c> kinds are being tracked.</summary>
    public const string OtherKinds = "other repeated events";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, KindState> _kinds = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly long _windowTicks;
    private readonly int _burst;
    private readonly int _maxKinds;
    private long _suppressed;
    private readonly ITimer _timer;
    private bool _flushScheduled;

    public LogThrottle(ILogger logger, TimeProvider time, TimeSpan window, int burst, int maxKinds = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKinds, 1);
        _logger = logger;
        _time = time;
        Window = window;
        _windowTicks = (long)(window.TotalSeconds * time.TimestampFrequency);
        _burst = burst;
        _maxKinds = maxKinds;
        _timer = time.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Length of a window; at most <c>burst</c> full lines per kind are written in one.</summary>
    public TimeSpan Window { get; }

    /// <summary>Occurrences counted instead of logged since the start.</summary>
    public long Suppressed => Interlocked.Read(ref _suppressed);

    /// <summary>
    /// Whether to log this occurrence of <paramref name="kind"/> in full. If not, it is counted,
    /// and <paramref name="detail"/> (what the full line would have said) is kept for the summary.
    /// Occurrences at a level the logger does not write are neither logged nor counted.
    /// </summary>
    public bool Allow(string kind, LogLevel level, string detail)
    {
        if (!_logger.IsEnabled(level))
            return false;
        long now = _time.GetTimestamp();
        Summary? summary = null;
        long? flushIn = null;
        bool allow;
        lock (_lock)
        {
            if (!_kinds.TryGetValue(kind, out var state))
            {
                if (_kinds.Count >= _maxKinds)
                {
                    // Kinds quiet for a whole window with nothing left to summarise make room first.
                    foreach (var (quiet, _) in _kinds.Where(k => k.Value.Suppressed == 0 && now - k.Value.LastActivity >= _windowTicks).ToArray())
                        _kinds.Remove(quiet);
                }
                if (_kinds.Count >= _maxKinds)
                    kind = OtherKinds;
                if (!_kinds.TryGetValue(kind, out state))
                    _kinds[kind] = state = new KindState(level, now);
            }
            if (now - state.WindowStart >= _windowTicks)
            {
                summary = state.EndWindow(kind, now);
                state.WindowStart = now;
            }
            state.LastActivity = now;
            allow = state.Logged < _burst;
            if (allow)
            {
                state.Logged++;
            }
            else
            {
                state.Suppressed++;
                state.LastDetail = detail;
                Interlocked.Increment(ref _suppressed);
                if (!_flushScheduled)
                {
                    _flushScheduled = true;
                    flushIn = state.WindowStart + _windowTicks - now;
                }
            }
        }
        if (summary is { } s)
            Write(s);
        if (flushIn is { } ticks)
            ScheduleFlush(ticks);
        return allow;
    }

    /// <summary>
    /// Writes the summary of every kind whose window is over (all of them with
    /// <paramref name="final"/>, at shutdown) and forgets kinds that stayed quiet for a whole
    /// window. Call it periodically, so a flood that stops is still summarised.
    /// </summary>
    public void Flush(bool final = false)
    {
        long now = _time.GetTimestamp();
        var summaries = new List<Summary>();
        long? flushIn = null;
        lock (_lock)
        {
            foreach (var (kind, state) in _kinds.ToArray())
            {
                bool over = now - state.WindowStart >= _windowTicks;
                if ((over || final) && state.EndWindow(kind, now) is { } summary)
                    summaries.Add(summary);
                if (over)
                    state.WindowStart = now;
                if (final || now - state.LastActivity >= _windowTicks)
                    _kinds.Remove(kind);
            }
            // Occurrences left out in windows still running are summarised when those end.
            var pending = _kinds.Values.Where(k => k.Suppressed > 0).Select(k => k.WindowStart + _windowTicks - now).DefaultIfEmpty(long.MaxValue).Min();
            _flushScheduled = pending != long.MaxValue;
            if (_flushScheduled)
                flushIn = pending;
        }
        foreach (var summary in summaries)
            Write(summary);
        if (flushIn is { } ticks)
            ScheduleFlush(ticks);
    }

    public void Dispose() => _timer.Dispose();

    private void ScheduleFlush(long ticks) =>
        _timer.Change(TimeSpan.FromSeconds(Math.Max(ticks, 1) / (double)_time.TimestampFrequency), Timeout.InfiniteTimeSpan);

    private void Write(Summary s) =>
        LogSummary(_logger, s.Level, s.Kind, s.Count, _time.GetElapsedTime(s.Since, s.Until).TotalSeconds, s.LastDetail);

    [LoggerMessage(EventId = 90, Message = "{Kind}: {Count} more not logged in the last {Seconds:0.#} s; the last: {Detail}")]
    private static partial void LogSummary(ILogger logger, LogLevel level, string kind, long count, double seconds, string detail);

    private readonly record struct Summary(string Kind, LogLevel Level, long Count, long Since, long Until, string LastDetail);

    private sealed class KindState(LogLevel level, long now)
    {
        public LogLevel Level { get; } = level;

        public long WindowStart { get; set; } = now;

        public long LastActivity { get; set; } = now;

        public int Logged { get; set; }

        public long Suppressed { get; set; }

        public string LastDetail { get; set; } = "";

        // Closes the current window: its summary if anything was left out, and a fresh count.
        public Summary? EndWindow(string kind, long now)
        {
            Summary? summary = Suppressed > 0 ? new Summary(kind, Level, Suppressed, WindowStart, now, LastDetail) : null;
            Logged = 0;
            Suppressed = 0;
            LastDetail = "";
            return summary;
        }
    }
}

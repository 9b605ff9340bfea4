using System.Diagnostics;

namespace Edge.Ads.Benchmarks;

/// <summary>Collects operation latencies (Stopwatch ticks) and reports throughput and percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(1 << 16);

    public void Add(long ticks) => _ticks.Add(ticks);

    public void AddRange(LatencyRecorder other) => _ticks.AddRange(other._ticks);

    public int Count => _ticks.Count;

    /// <summary>Sum of all latencies: the busy time of operations run one after another.</summary>
    public double TotalSeconds => (double)_ticks.Sum() / Stopwatch.Frequency;

    public double PercentileMicroseconds(double percentile)
    {
        if (_ticks.Count == 0)
            return double.NaN;
        var sorted = _ticks.Order().ToArray();
        int index = (int)Math.Clamp(Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}

using System.Globalization;

namespace Edge.Ads.Benchmarks;

/// <summary>One row of the report.</summary>
internal sealed record Result(string Scenario, int Operations, double PerSecond, string Unit, double P50, double P99)
{
    public static Result From(string scenario, IEnumerable<LatencyRecorder> recorders, TimeSpan? duration, string unit)
    {
        var all = new LatencyRecorder();
        foreach (var recorder in recorders)
            all.AddRange(recorder);
        double p50 = all.PercentileMicroseconds(50);
        // Clients side by side: operations over the wall-clock duration; one after another: over their summed time.
        double perSecond = all.Count / (duration?.TotalSeconds ?? all.TotalSeconds);
        return new Result(scenario, all.Count, perSecond, unit, p50, all.PercentileMicroseconds(99));
    }

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Scenario} | {Operations:N0} | {PerSecond:N0} {Unit} | {P50:N0} µs | {P99:N0} µs |");
}

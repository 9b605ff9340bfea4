using Edge.Power.Energy;

namespace Edge.Power.Simulation;

/// <summary>
/// A deterministic target: idle current, and every <see cref="PeriodSeconds"/> an inference of
/// <see cref="InferenceSeconds"/> at <see cref="ActiveAmps"/>, the trigger GPIO high while it runs.
/// Optional noise is uniform in ±<see cref="NoiseAmps"/>, derived from the seed and the time
/// (the same time always gets the same noise, however the stream is chunked).
/// </summary>
public sealed record PeriodicInferenceProfile(
    double IdleAmps,
    double ActiveAmps,
    double InferenceSeconds,
    double PeriodSeconds,
    double FirstInferenceSeconds = 0.001,
    double NoiseAmps = 0,
    ulong Seed = 1) : ICurrentProfile
{
    /// <summary>The charge the inference itself draws, in coulombs: multiply by the supply for joules.</summary>
    public double InferenceCharge => ActiveAmps * InferenceSeconds;

    /// <summary>Joules per inference at <paramref name="supplyVolts"/>: E = V · I_active · t_inference.</summary>
    public double InferenceEnergy(double supplyVolts) => supplyVolts * InferenceCharge;

    public double CurrentAt(double seconds) => (IsActive(seconds) ? ActiveAmps : IdleAmps) + Noise(seconds);

    public double MeanCurrent(double from, double to)
    {
        double width = to - from;
        if (width <= 0) return CurrentAt(from);
        double active = ActiveOverlap(from, to);
        return (ActiveAmps * active + IdleAmps * (width - active)) / width + Noise(from);
    }

    public IEnumerable<TriggerEdge> EdgesBetween(double from, double to)
    {
        long first = (long)Math.Floor((from - FirstInferenceSeconds - InferenceSeconds) / PeriodSeconds);
        for (long k = Math.Max(first, 0); ; k++)
        {
            double start = FirstInferenceSeconds + k * PeriodSeconds;
            if (start >= to) yield break;
            if (start >= from) yield return new TriggerEdge(start, Rising: true);
            double end = start + InferenceSeconds;
            if (end >= from && end < to) yield return new TriggerEdge(end, Rising: false);
        }
    }

    public override string ToString() =>
        $"idle {IdleAmps * 1e3:0.###} mA, {InferenceSeconds * 1e3:0.###} ms inferences at {ActiveAmps * 1e3:0.###} mA every {PeriodSeconds * 1e3:0.###} ms" +
        (NoiseAmps > 0 ? $", noise ±{NoiseAmps * 1e3:0.###} mA" : "");

    private bool IsActive(double seconds)
    {
        if (seconds < FirstInferenceSeconds) return false;
        double phase = (seconds - FirstInferenceSeconds) % PeriodSeconds;
        return phase < InferenceSeconds;
    }

    /// <summary>Seconds of [from, to) during which an inference runs.</summary>
    private double ActiveOverlap(double from, double to)
    {
        double overlap = 0;
        long k = Math.Max(0, (long)Math.Floor((from - FirstInferenceSeconds) / PeriodSeconds));
        for (; ; k++)
        {
            double start = FirstInferenceSeconds + k * PeriodSeconds;
            if (start >= to) return overlap;
            overlap += Math.Max(0, Math.Min(to, start + InferenceSeconds) - Math.Max(from, start));
        }
    }

    private double Noise(double seconds)
    {
        if (NoiseAmps == 0) return 0;
        // SplitMix64 of the seed and the time in nanoseconds: reproducible, chunking-independent.
        ulong z = Seed ^ (ulong)Math.Round(seconds * 1e9);
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        double unit = (z >> 11) * (1.0 / (1UL << 53));
        return (unit * 2 - 1) * NoiseAmps;
    }
}

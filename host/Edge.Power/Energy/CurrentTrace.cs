using Edge.Power.Acquisition;

namespace Edge.Power.Energy;

/// <summary>
/// A recorded acquisition: evenly spaced current samples (sample k covers [k/fs, (k+1)/fs)), the
/// supply they were drawn at, and the stream events with their sample positions.
/// </summary>
public sealed class CurrentTrace
{
    private readonly float[] amperes;

    public CurrentTrace(double sampleRateHertz, double supplyVolts, float[] amperes, int count, IReadOnlyList<StreamEvent> events)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHertz);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, amperes.Length);
        SampleRateHertz = sampleRateHertz;
        SupplyVolts = supplyVolts;
        this.amperes = amperes;
        Count = count;
        Events = events;
    }

    public double SampleRateHertz { get; }

    public double SupplyVolts { get; }

    public int Count { get; }

    public ReadOnlySpan<float> Amperes => amperes.AsSpan(0, Count);

    public IReadOnlyList<StreamEvent> Events { get; }

    public double DurationSeconds => Count / SampleRateHertz;

    public double MeanAmperes
    {
        get
        {
            double sum = 0;
            foreach (float a in Amperes) sum += a;
            return Count == 0 ? 0 : sum / Count;
        }
    }

    /// <summary>Joules over the whole trace: V · ∫I dt.</summary>
    public double TotalJoules => EnergyIntegrator.Joules(this, 0, DurationSeconds);
}

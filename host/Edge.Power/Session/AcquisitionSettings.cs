using Edge.Power.Backends;
using Edge.Power.Samples;

namespace Edge.Power.Session;

/// <summary>What an acquisition measures: supply, rate, duration, format, trigger.</summary>
public sealed record AcquisitionSettings
{
    /// <summary>Target supply in volts (`volt`); also the V in E = V·∫I dt.</summary>
    public double SupplyVolts { get; init; } = 3.3;

    public SamplingRate Rate { get; init; } = SamplingRate.Hz100k;

    /// <summary>`acqtime`; null = until <c>stop</c> (`acqtime inf`).</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(1);

    public SampleFormat Format { get; init; } = SampleFormat.Binary;

    public TriggerSource Trigger { get; init; } = TriggerSource.Software;

    /// <summary>`trigdelay`: from the trigger to the first sample.</summary>
    public TimeSpan TriggerDelay { get; init; } = TimeSpan.Zero;

    public override string ToString() =>
        $"{SupplyVolts:0.###} V, {Rate}, {(Duration is null ? "until stopped" : $"{Duration.Value.TotalSeconds:0.######} s")}, {Format}, trigger {Trigger}";
}

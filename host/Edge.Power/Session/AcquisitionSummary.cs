using Edge.Power.Acquisition;

namespace Edge.Power.Session;

/// <summary>The outcome of one acquisition; the samples and events went to the sink.</summary>
public sealed record AcquisitionSummary(
    AcquisitionSettings Settings,
    StreamStatistics Statistics,
    AcquisitionEnd End,
    bool Overcurrent,
    bool TargetPoweredDown)
{
    public long Samples => Statistics.Samples;

    /// <summary>Samples over rate: the span of time the samples cover.</summary>
    public double Seconds => (double)Statistics.Samples / Settings.Rate.Hertz;
}

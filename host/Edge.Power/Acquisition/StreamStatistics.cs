namespace Edge.Power.Acquisition;

/// <summary>
/// What a decoder has seen so far: samples, metadata, what it had to skip, and two signs of lost
/// samples: the monitor's overflow flag and device timestamps that disagree with the sample count.
/// </summary>
public readonly record struct StreamStatistics(
    long Samples,
    long Events,
    long CorruptBytes,
    long CorruptRuns,
    long BufferOverflows,
    long TimestampMismatches = 0)
{
    public override string ToString() =>
        $"{Samples} samples, {Events} events, {CorruptBytes} corrupt bytes in {CorruptRuns} run(s), {BufferOverflows} buffer overflow(s), {TimestampMismatches} timestamp mismatch(es)";
}

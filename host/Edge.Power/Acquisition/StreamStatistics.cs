namespace Edge.Power.Acquisition;

/// <summary>What a decoder has seen so far: samples, metadata, and what it had to skip.</summary>
public readonly record struct StreamStatistics(
    long Samples,
    long Events,
    long CorruptBytes,
    long CorruptRuns,
    long BufferOverflows)
{
    public override string ToString() =>
        $"{Samples} samples, {Events} events, {CorruptBytes} corrupt bytes in {CorruptRuns} run(s), {BufferOverflows} buffer overflow(s)";
}

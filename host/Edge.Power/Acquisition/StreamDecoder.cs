using Edge.Power.Samples;

namespace Edge.Power.Acquisition;

/// <summary>
/// Incremental decoder of a monitor's sample stream: feed it whatever bytes arrived, in any
/// chunking, and it hands samples and events to a sink in stream order. It never throws on bad
/// bytes: it skips them, counts them and reports each run as a <see cref="StreamEventKind.Corrupt"/>
/// event. It stops right after the end-of-acquisition marker so the bytes after it (command
/// replies) stay with the caller.
/// </summary>
public abstract class StreamDecoder
{
    private const int BatchCapacity = 1024;

    private readonly CurrentSample[] batch = new CurrentSample[BatchCapacity];
    private readonly double intervalSeconds;
    private long lastStampMilliseconds = -1;
    private long lastStampIndex;
    private long timestampMismatches;
    private int batchCount;
    private long events;
    private long corruptBytes;
    private long corruptRuns;
    private long bufferOverflows;
    private long pendingCorrupt;
    private long pendingCorruptIndex;
    private string pendingCorruptReason = "";

    protected StreamDecoder(SamplingRate rate) => intervalSeconds = rate.IntervalSeconds;

    /// <summary>Samples decoded so far; also the index the next sample will get.</summary>
    public long SampleCount { get; private set; }

    /// <summary>True once the end-of-acquisition marker was decoded; <see cref="Decode"/> then consumes nothing more.</summary>
    public bool Ended { get; private set; }

    public StreamStatistics Statistics => new(SampleCount, events, corruptBytes, corruptRuns, bufferOverflows, timestampMismatches);

    /// <summary>Decodes what it can of <paramref name="input"/>; returns how many bytes it consumed (all, unless the acquisition ended inside it).</summary>
    public int Decode(ReadOnlySpan<byte> input, IAcquisitionSink sink)
    {
        if (Ended) return 0;
        int consumed = DecodeCore(input, sink);
        Flush(sink);
        return consumed;
    }

    /// <summary>The stream is over (ended, dropped or stopped): reports whatever partial input is left as corrupt.</summary>
    public void Complete(IAcquisitionSink sink)
    {
        int leftover = DiscardPartialInput();
        if (leftover > 0) SkipCorrupt(leftover, "the stream stopped inside a sample or frame");
        Flush(sink);
    }

    protected abstract int DecodeCore(ReadOnlySpan<byte> input, IAcquisitionSink sink);

    /// <summary>Bytes held between calls (half a sample, an unfinished line or frame), dropped on completion.</summary>
    protected abstract int DiscardPartialInput();

    protected void AddSample(double amperes, IAcquisitionSink sink)
    {
        if (pendingCorrupt > 0) Flush(sink);
        batch[batchCount++] = new CurrentSample(SampleCount * intervalSeconds, amperes);
        SampleCount++;
        if (batchCount == BatchCapacity) Flush(sink);
    }

    protected void Report(IAcquisitionSink sink, StreamEventKind kind, long value = 0, int detail = 0, bool flag = false, string? text = null)
    {
        Flush(sink);
        Emit(sink, new StreamEvent(kind, SampleCount, SampleCount * intervalSeconds, value, detail, flag, text));
        if (kind == StreamEventKind.DeviceTimestamp) CheckSampleCount(value, flag);
        if (kind == StreamEventKind.EndOfAcquisition) Ended = true;
    }

    /// <summary>
    /// Between two device timestamps the monitor sends (Δms · rate / 1000) samples (mlcommons checks
    /// exactly 1000 at 1 kHz). More than a millisecond's worth off means samples were lost or invented.
    /// </summary>
    private void CheckSampleCount(long milliseconds, bool overflow)
    {
        if (overflow) bufferOverflows++;
        if (lastStampMilliseconds >= 0 && milliseconds > lastStampMilliseconds)
        {
            double expected = (milliseconds - lastStampMilliseconds) / 1000.0 / intervalSeconds;
            double tolerance = 0.001 / intervalSeconds + 1;
            if (Math.Abs(SampleCount - lastStampIndex - expected) > tolerance) timestampMismatches++;
        }
        lastStampMilliseconds = milliseconds;
        lastStampIndex = SampleCount;
    }

    /// <summary>Counts skipped bytes; consecutive skips become one corrupt-run event, reported before the next good item.</summary>
    protected void SkipCorrupt(long bytes, string reason)
    {
        if (bytes <= 0) return;
        if (pendingCorrupt == 0)
        {
            pendingCorruptIndex = SampleCount;
            pendingCorruptReason = reason;
            corruptRuns++;
        }
        pendingCorrupt += bytes;
        corruptBytes += bytes;
    }

    private void Flush(IAcquisitionSink sink)
    {
        if (batchCount > 0)
        {
            sink.OnSamples(batch.AsSpan(0, batchCount));
            batchCount = 0;
        }
        if (pendingCorrupt > 0)
        {
            long bytes = pendingCorrupt;
            pendingCorrupt = 0;
            Emit(sink, new StreamEvent(StreamEventKind.Corrupt, pendingCorruptIndex, pendingCorruptIndex * intervalSeconds, bytes, Text: pendingCorruptReason));
        }
    }

    private void Emit(IAcquisitionSink sink, in StreamEvent streamEvent)
    {
        events++;
        sink.OnEvent(streamEvent);
    }
}

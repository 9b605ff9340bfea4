using Edge.Power.Samples;

namespace Edge.Power.Acquisition;

/// <summary>
/// Receives a decoded acquisition in stream order. Samples come in batches whose span is only
/// valid during the call (the decoder reuses its buffer); events arrive between batches exactly
/// where they were in the stream.
/// </summary>
public interface IAcquisitionSink
{
    void OnSamples(ReadOnlySpan<CurrentSample> samples);

    void OnEvent(in StreamEvent streamEvent);
}

using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Tests;

/// <summary>Keeps every sample and event a decoder delivers, in order.</summary>
internal sealed class RecordingSink : IAcquisitionSink
{
    public List<CurrentSample> Samples { get; } = [];

    public List<StreamEvent> Events { get; } = [];

    public void OnSamples(ReadOnlySpan<CurrentSample> samples) => Samples.AddRange(samples);

    public void OnEvent(in StreamEvent streamEvent) => Events.Add(streamEvent);

    public IEnumerable<StreamEvent> Of(StreamEventKind kind) => Events.Where(e => e.Kind == kind);
}

using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Session;

/// <summary>Passes everything on to the caller's sink and notes the events the session itself acts on.</summary>
internal sealed class ObservingSink(IAcquisitionSink inner) : IAcquisitionSink
{
    public bool Overcurrent { get; private set; }

    public bool TargetPoweredDown { get; private set; }

    public void OnSamples(ReadOnlySpan<CurrentSample> samples) => inner.OnSamples(samples);

    public void OnEvent(in StreamEvent streamEvent)
    {
        if (streamEvent.Kind == StreamEventKind.Overcurrent) Overcurrent = true;
        if (streamEvent.Kind == StreamEventKind.TargetPowerDown) TargetPoweredDown = true;
        inner.OnEvent(streamEvent);
    }
}

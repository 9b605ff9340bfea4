using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Session;

/// <summary>Passes everything on to the caller's sink and notes the events the session itself acts on.</summary>
internal sealed class ObservingSink(IAcquisitionSink inner) : IAcquisitionSink
{
    public bool Overcurrent { get; private set; }

    public bool TargetPoweredDown { get; private set; }

    /// <summary>`ack stop` arrived inside the (ASCII) stream.</summary>
    public bool StopAcknowledged { get; private set; }

    /// <summary>The stream ended with `Acquisition completed` (LPM01A).</summary>
    public bool CompletionReported { get; private set; }

    public void OnSamples(ReadOnlySpan<CurrentSample> samples) => inner.OnSamples(samples);

    public void OnEvent(in StreamEvent streamEvent)
    {
        if (streamEvent.Kind == StreamEventKind.Overcurrent) Overcurrent = true;
        if (streamEvent.Kind == StreamEventKind.TargetPowerDown) TargetPoweredDown = true;
        if (streamEvent.Kind == StreamEventKind.ControlLine && streamEvent.Text is { } line && line.StartsWith("ack stop", StringComparison.Ordinal)) StopAcknowledged = true;
        if (streamEvent.Kind == StreamEventKind.EndOfAcquisition && streamEvent.Text is { } end && AsciiStatusLine.IsEndOfAcquisition(end) && end != "end") CompletionReported = true;
        inner.OnEvent(streamEvent);
    }
}

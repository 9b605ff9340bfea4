using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Energy;

/// <summary>A sink that keeps the whole acquisition in memory (4 bytes a sample) for energy analysis.</summary>
public sealed class CurrentTraceRecorder(SamplingRate rate, double supplyVolts, int expectedSamples = 0) : IAcquisitionSink
{
    private readonly List<StreamEvent> events = [];
    private float[] amperes = new float[Math.Max(expectedSamples, 1024)];
    private int count;

    public int Count => count;

    public IReadOnlyList<StreamEvent> Events => events;

    public void OnSamples(ReadOnlySpan<CurrentSample> samples)
    {
        if (count + samples.Length > amperes.Length)
            Array.Resize(ref amperes, Math.Max(amperes.Length * 2, count + samples.Length));
        foreach (var sample in samples) amperes[count++] = (float)sample.Amperes;
    }

    public void OnEvent(in StreamEvent streamEvent) => events.Add(streamEvent);

    public CurrentTrace ToTrace() => new(rate.Hertz, supplyVolts, amperes, count, events.ToArray());
}

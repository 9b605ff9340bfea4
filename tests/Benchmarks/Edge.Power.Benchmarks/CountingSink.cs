using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Benchmarks;

/// <summary>Touches every sample (so nothing is optimised away) and keeps nothing.</summary>
internal sealed class CountingSink : IAcquisitionSink
{
    public long Samples { get; private set; }

    public double Sum { get; private set; }

    public void OnSamples(ReadOnlySpan<CurrentSample> samples)
    {
        double sum = 0;
        foreach (var sample in samples) sum += sample.Amperes;
        Sum += sum;
        Samples += samples.Length;
    }

    public void OnEvent(in StreamEvent streamEvent)
    {
    }
}

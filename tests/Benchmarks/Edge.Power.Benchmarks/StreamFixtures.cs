using Edge.Power.Acquisition;
using Edge.Power.Simulation;

namespace Edge.Power.Benchmarks;

/// <summary>One second at 100 kHz as the monitor sends it: a timestamp every 1000 samples and the end marker.</summary>
internal static class StreamFixtures
{
    public const int Samples = 100_000;

    public static byte[] Binary() => Build(Edge.Power.Samples.SampleFormat.Binary);

    public static byte[] Ascii() => Build(Edge.Power.Samples.SampleFormat.Ascii);

    private static byte[] Build(Edge.Power.Samples.SampleFormat format)
    {
        var profile = new PeriodicInferenceProfile(0.002, 0.025, 0.005, 0.020, NoiseAmps: 0.0002);
        var encoder = new SampleStreamEncoder(format, BinaryFrameLayout.StlinkV3Pwr);
        for (int i = 0; i < Samples; i++)
        {
            if (i % 1000 == 0) encoder.Timestamp(i / 100, 0);
            encoder.Sample(profile.MeanCurrent(i * 1e-5, (i + 1) * 1e-5));
        }
        encoder.EndOfAcquisition();
        return encoder.Written.ToArray();
    }
}

using BenchmarkDotNet.Attributes;
using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Benchmarks;

/// <summary>The decoders alone, fed in 16 KiB chunks as the link's pump delivers them. Times are per sample.</summary>
[MemoryDiagnoser]
public class DecoderBenchmarks
{
    private const int Chunk = 16 * 1024;
    private byte[] binary = [];
    private byte[] ascii = [];

    [GlobalSetup]
    public void Setup()
    {
        binary = StreamFixtures.Binary();
        ascii = StreamFixtures.Ascii();
    }

    [Benchmark(OperationsPerInvoke = StreamFixtures.Samples)]
    public long BinaryDecode() => Decode(new BinaryStreamDecoder(SamplingRate.Hz100k, BinaryFrameLayout.StlinkV3Pwr), binary);

    [Benchmark(OperationsPerInvoke = StreamFixtures.Samples)]
    public long AsciiDecode() => Decode(new AsciiStreamDecoder(SamplingRate.Hz100k), ascii);

    private static long Decode(StreamDecoder decoder, byte[] stream)
    {
        var sink = new CountingSink();
        for (int at = 0; at < stream.Length && !decoder.Ended; at += Chunk)
            decoder.Decode(stream.AsSpan(at, Math.Min(Chunk, stream.Length - at)), sink);
        if (sink.Samples != StreamFixtures.Samples) throw new InvalidOperationException($"decoded {sink.Samples} samples");
        return sink.Samples;
    }
}

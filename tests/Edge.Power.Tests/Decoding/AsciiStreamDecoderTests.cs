using System.Text;
using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Tests.Decoding;

/// <summary>Lines written from hil-stlink-v3pwr.md §1.6 (mlcommons/tiny regexes, lazicdanilo, zissis).</summary>
[TestClass]
public sealed class AsciiStreamDecoderTests
{
    private static (RecordingSink Sink, AsciiStreamDecoder Decoder, int Consumed) Decode(string text)
    {
        var sink = new RecordingSink();
        var decoder = new AsciiStreamDecoder(SamplingRate.Hz1k);
        int consumed = decoder.Decode(Encoding.ASCII.GetBytes(text), sink);
        return (sink, decoder, consumed);
    }

    [TestMethod]
    public void Samples_timestamps_events_and_end()
    {
        var (sink, decoder, _) = Decode(
            "TimeStamp: 001s 250ms, buff 03%\r\n" +
            "\06409-07\r\n" +             // a NUL may precede the first sample after a TimeStamp
            "event 07 ris\r\n" +
            "2500-05\r\n" +
            "end\r\n");
        Assert.HasCount(2, sink.Samples);
        Assert.AreEqual(640.9e-6, sink.Samples[0].Amperes, 1e-12);
        Assert.AreEqual(0.025, sink.Samples[1].Amperes, 1e-12);
        var stamp = sink.Of(StreamEventKind.DeviceTimestamp).Single();
        Assert.AreEqual(1250, stamp.Value);
        Assert.AreEqual(3, stamp.Detail);
        var marker = sink.Of(StreamEventKind.TriggerMarker).Single();
        Assert.AreEqual(7, marker.Value);
        Assert.AreEqual("ris", marker.Text);
        Assert.AreEqual(1, marker.SampleIndex);
        Assert.IsTrue(decoder.Ended);
        Assert.AreEqual(0, decoder.Statistics.CorruptBytes);
    }

    [TestMethod]
    public void Packed_tokens_on_one_line_are_all_samples()
    {
        var (sink, _, _) = Decode("6409-07 6410-07\r\n64110-0764120-07\r\n");
        Assert.HasCount(2, sink.Samples, "the second line is not 7-character tokens");
        var (packed, _, _) = Decode("6409-076410-07\r\n");
        Assert.HasCount(2, packed.Samples);
    }

    [TestMethod]
    public void Prompted_completion_ends_the_acquisition_and_leaves_the_rest()
    {
        string text = "6409-07\r\nPowerShield > Acquisition completed\r\nPowerShield > ack hrc\r\n";
        var (sink, decoder, consumed) = Decode(text);
        Assert.IsTrue(decoder.Ended);
        Assert.AreEqual(text.IndexOf("PowerShield > ack", StringComparison.Ordinal), consumed);
        Assert.HasCount(1, sink.Samples);
    }

    [TestMethod]
    public void Garbage_lines_are_counted_and_a_sample_behind_garbage_is_kept()
    {
        var (sink, decoder, _) = Decode("6409-07\r\n\x01\x7f#!6410-07\r\n%%%%\r\n6411-07\r\n");
        CollectionAssert.AreEqual(new[] { 640.9e-6, 641.0e-6, 641.1e-6 }, sink.Samples.Select(s => Math.Round(s.Amperes, 10)).ToArray());
        Assert.AreEqual(4 + 6, decoder.Statistics.CorruptBytes, "4 bytes before the second sample, 6 for the line '%%%%\\r\\n'");
        Assert.AreEqual(2, sink.Of(StreamEventKind.Corrupt).Count());
    }

    [TestMethod]
    public void An_endless_line_is_dropped_without_growing()
    {
        var (sink, decoder, _) = Decode(new string('x', 10_000) + "\n6409-07\n");
        Assert.HasCount(1, sink.Samples);
        Assert.AreEqual(10_001, decoder.Statistics.CorruptBytes);
    }

    [TestMethod]
    public void Replies_inside_the_stream_are_reported_as_control_lines()
    {
        var (sink, _, _) = Decode("6409-07\r\nack stop\r\n6409-07\r\n");
        Assert.AreEqual("ack stop", sink.Of(StreamEventKind.ControlLine).Single().Text);
        Assert.HasCount(2, sink.Samples);
    }
}

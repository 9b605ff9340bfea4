using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Tests.Decoding;

/// <summary>Byte sequences written from hil-stlink-v3pwr.md §1.7, not from the simulator's encoder.</summary>
[TestClass]
public sealed class BinaryStreamDecoderTests
{
    // F3 timestamp: F0 F3, 4-byte big-endian ms (MSB = overflow), buffer %, FF FF: 9 bytes.
    private static readonly byte[] Timestamp1234ms = [0xF0, 0xF3, 0x00, 0x00, 0x04, 0xD2, 0x07, 0xFF, 0xFF];
    private static readonly byte[] EndOfAcquisition = [0xF0, 0xF4, 0xFF, 0xFF];
    private static readonly byte[] Sample640uA = [0x52, 0xA0];
    private static readonly byte[] Sample25mA = [0x36, 0x66]; // 0x666 · 16⁻³ = 0.0249...

    private static BinaryStreamDecoder V3Pwr() => new(SamplingRate.Hz100k, BinaryFrameLayout.StlinkV3Pwr);

    [TestMethod]
    public void Decodes_samples_timestamp_and_end_and_stops_after_the_end()
    {
        byte[] reply = "ack stop\r\n\r\n"u8.ToArray();
        byte[] stream = [.. Timestamp1234ms, .. Sample640uA, .. Sample25mA, .. EndOfAcquisition, .. reply];
        var sink = new RecordingSink();
        var decoder = V3Pwr();

        int consumed = decoder.Decode(stream, sink);

        Assert.AreEqual(stream.Length - reply.Length, consumed, "the text after the end marker belongs to the command reader");
        Assert.IsTrue(decoder.Ended);
        Assert.HasCount(2, sink.Samples);
        Assert.AreEqual(640.9e-6, sink.Samples[0].Amperes, 0.05e-6);
        Assert.AreEqual(0x666 / 4096.0, sink.Samples[1].Amperes, 1e-12);
        Assert.AreEqual(1e-5, sink.Samples[1].Seconds, 1e-12);
        var stamp = sink.Of(StreamEventKind.DeviceTimestamp).Single();
        Assert.AreEqual(1234, stamp.Value);
        Assert.AreEqual(7, stamp.Detail);
        Assert.IsFalse(stamp.Flag);
        Assert.AreEqual(2, sink.Of(StreamEventKind.EndOfAcquisition).Single().SampleIndex);
        Assert.AreEqual(0, decoder.Statistics.CorruptBytes);
    }

    [TestMethod]
    public void Timestamp_overflow_bit_is_reported_and_counted()
    {
        byte[] stamp = [0xF0, 0xF3, 0x80, 0x00, 0x00, 0x0A, 0x64, 0xFF, 0xFF];
        var sink = new RecordingSink();
        var decoder = V3Pwr();
        decoder.Decode(stamp, sink);
        var e = sink.Of(StreamEventKind.DeviceTimestamp).Single();
        Assert.AreEqual(10, e.Value);
        Assert.IsTrue(e.Flag);
        Assert.AreEqual(1, decoder.Statistics.BufferOverflows);
    }

    [TestMethod]
    public void Timestamps_that_disagree_with_the_sample_count_are_counted()
    {
        // At 100 kHz, 10 ms between timestamps means 1000 samples; 500 means half were lost (1 ms of slack for the ms resolution).
        static byte[] Stamp(int ms) => [0xF0, 0xF3, 0, 0, (byte)(ms >> 8), (byte)ms, 0, 0xFF, 0xFF];
        byte[] Samples(int n) => Enumerable.Repeat(Sample640uA, n).SelectMany(b => b).ToArray();
        var decoder = V3Pwr();
        decoder.Decode([.. Stamp(0), .. Samples(1000), .. Stamp(10), .. Samples(500), .. Stamp(20), .. Samples(1000), .. Stamp(30)], new RecordingSink());
        Assert.AreEqual(1, decoder.Statistics.TimestampMismatches);
    }

    [TestMethod]
    public void Overcurrent_frame_is_8_bytes_on_the_V3PWR_and_4_on_the_LPM01A()
    {
        byte[] v3 = [0xF0, 0xF5, 0x00, 0x00, 0x01, 0xF4, 0xFF, 0xFF, .. Sample640uA];
        var sink = new RecordingSink();
        V3Pwr().Decode(v3, sink);
        Assert.AreEqual(0x1F4, sink.Of(StreamEventKind.Overcurrent).Single().Value);
        Assert.HasCount(1, sink.Samples);

        byte[] lpm = [0xF0, 0xF5, 0xFF, 0xFF, .. Sample640uA];
        sink = new RecordingSink();
        var decoder = new BinaryStreamDecoder(SamplingRate.Hz100k, BinaryFrameLayout.Lpm01a);
        decoder.Decode(lpm, sink);
        Assert.AreEqual(1, sink.Of(StreamEventKind.Overcurrent).Count());
        Assert.HasCount(1, sink.Samples);
        Assert.AreEqual(0, decoder.Statistics.CorruptBytes);
    }

    [TestMethod]
    public void Voltage_power_down_and_text_frames()
    {
        byte[] voltage = [0xF0, 0xF7, 0x0C, 0xE4, 0xFF, 0xFF];                  // 3300 mV
        byte[] powerDown = [0xF0, 0xF6, 0xFF, 0xFF];
        byte[] error = [0xF0, 0xF1, .. "overcurrent\r\n"u8.ToArray(), 0xFF, 0xFF]; // V3PWR text ends CRLF FF FF
        byte[] unknown = [0xF0, 0xF8, 0x12, 0x34, 0xFF, 0xFF];                  // V3PWR-only, meaning unknown
        var sink = new RecordingSink();
        V3Pwr().Decode([.. voltage, .. powerDown, .. error, .. unknown], sink);
        Assert.AreEqual(3300, sink.Of(StreamEventKind.Voltage).Single().Value);
        Assert.AreEqual(1, sink.Of(StreamEventKind.TargetPowerDown).Count());
        Assert.AreEqual("overcurrent", sink.Of(StreamEventKind.ErrorMessage).Single().Text);
        var meta = sink.Of(StreamEventKind.UnknownMetadata).Single();
        Assert.AreEqual(0xF8, meta.Detail);
        Assert.AreEqual(0x1234, meta.Value);
    }

    [TestMethod]
    public void Any_chunking_gives_the_same_samples_and_events()
    {
        byte[] stream = BuildStream(samples: 3000, timestampEvery: 1000);
        var whole = new RecordingSink();
        V3Pwr().Decode(stream, whole);
        var random = new Random(3);
        for (int trial = 0; trial < 20; trial++)
        {
            var pieces = new RecordingSink();
            var decoder = V3Pwr();
            for (int at = 0; at < stream.Length;)
            {
                int size = Math.Min(random.Next(1, 40), stream.Length - at);
                decoder.Decode(stream.AsSpan(at, size), pieces);
                at += size;
            }
            CollectionAssert.AreEqual(whole.Samples, pieces.Samples);
            CollectionAssert.AreEqual(whole.Events, pieces.Events);
        }
        Assert.HasCount(3000, whole.Samples);
        Assert.AreEqual(4, whole.Of(StreamEventKind.DeviceTimestamp).Count() + whole.Of(StreamEventKind.EndOfAcquisition).Count());
    }

    [TestMethod]
    public void A_stray_byte_misaligns_until_the_next_frame_then_decoding_resynchronises()
    {
        // 500 samples, a garbage byte, 1500 more with timestamps every 1000 (the stream's own rhythm).
        byte[] before = BuildStream(samples: 500, timestampEvery: 1000, end: false);
        byte[] after = BuildStream(samples: 1500, timestampEvery: 1000, end: true, firstIndex: 500);
        byte[] stream = [.. before, 0x7E, .. after];
        var sink = new RecordingSink();
        var decoder = V3Pwr();

        decoder.Decode(stream, sink);

        Assert.IsTrue(decoder.Ended, "the end frame is still found");
        Assert.IsGreaterThan(0L, decoder.Statistics.CorruptBytes);
        Assert.AreEqual(decoder.Statistics.CorruptRuns, sink.Of(StreamEventKind.Corrupt).Count());
        // After the timestamp at sample 1000 the samples are right again: the last 1000 decode exactly.
        var tail = sink.Samples.TakeLast(1000).Select(s => s.Amperes).ToArray();
        var expected = Enumerable.Range(1000, 1000).Select(i => BinarySampleCodec.Decode(SampleWord(i))).ToArray();
        CollectionAssert.AreEqual(expected, tail);
    }

    [TestMethod]
    public void Random_garbage_never_throws_and_every_byte_is_accounted_for()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            var sink = new RecordingSink();
            var decoder = V3Pwr();
            int consumed = decoder.Decode(bytes, sink);
            decoder.Complete(sink);
            Assert.IsTrue(decoder.Ended || consumed == bytes.Length);
            Assert.IsLessThanOrEqualTo(2 * decoder.Statistics.Samples + decoder.Statistics.CorruptBytes + 256L * decoder.Statistics.Events, consumed);
        }
    }

    private static ushort SampleWord(int i) => (ushort)(0x5000 | (0x100 + i % 0xE00));

    private static byte[] BuildStream(int samples, int timestampEvery, bool end = true, int firstIndex = 0)
    {
        var bytes = new List<byte>();
        for (int i = firstIndex; i < firstIndex + samples; i++)
        {
            if (i % timestampEvery == 0) bytes.AddRange([0xF0, 0xF3, 0, 0, (byte)(i / 100 >> 8), (byte)(i / 100), 0, 0xFF, 0xFF]);
            ushort word = SampleWord(i);
            bytes.Add((byte)(word >> 8));
            bytes.Add((byte)word);
        }
        if (end) bytes.AddRange(EndOfAcquisition);
        return bytes.ToArray();
    }
}

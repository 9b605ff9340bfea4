using Edge.Board.Tests.Support;
using Edge.Device.Link;

namespace Edge.Board.Tests.Link;

/// <summary>
/// The frame layer on a noisy byte stream: 100 000 frames through a line that flips, drops or
/// inserts 1 % of bytes. No damaged frame may be accepted, and every frame that arrives intact
/// (its bytes and both delimiters around it untouched) must be accepted: the decoder is back in
/// step by the first intact frame after any damage.
/// </summary>
[TestClass]
public sealed class FrameStreamTests
{
    [TestMethod]
    public void NoCorruptFrameIsAcceptedAndEveryIntactFrameIs()
    {
        const int Frames = 100_000;
        var random = new Random(41);
        var encoder = new FrameEncoder();
        var sentPayloads = new List<byte[]>(Frames);
        var wire = new List<byte>();
        var frameOf = new List<int>();        // which frame each wire byte belongs to
        for (int f = 0; f < Frames; f++)
        {
            var payload = new byte[random.Next(0, 64)];
            random.NextBytes(payload);
            payload.CopyTo(encoder.Payload, LinkFrame.PayloadAt);
            int length = encoder.Finish(FrameType.Telemetry, 0x12345678, 0, 7, 0, payload.Length);
            sentPayloads.Add(payload);
            for (int i = 0; i < length; i++) { wire.Add(encoder.Wire[i]); frameOf.Add(f); }
        }
        var noise = new LineNoise(0.01, 42);
        var affected = new bool[wire.Count];
        var received = noise.Transmit(wire.ToArray(), affected);

        // A frame is intact when none of its bytes, nor the delimiter ending the frame before it, was touched.
        var damaged = new bool[Frames];
        for (int i = 0; i < affected.Length; i++)
        {
            if (!affected[i]) continue;
            damaged[frameOf[i]] = true;
            bool isDelimiter = wire[i] == LinkFrame.Delimiter;
            if (isDelimiter && frameOf[i] + 1 < Frames) damaged[frameOf[i] + 1] = true;
        }

        var decoder = new FrameDecoder();
        var accepted = new HashSet<int>();
        int lastMatch = -1;
        foreach (byte b in received)
        {
            if (!decoder.Push(b)) continue;
            int sequence = decoder.Sequence;
            var payload = decoder.Frame.AsSpan(LinkFrame.PayloadAt, decoder.PayloadLength).ToArray();
            // Sequence numbers wrap every 65536 frames: the match is the first frame after the last
            // one accepted with this number and these bytes (frames arrive in order).
            int match = -1;
            for (int f = sequence; f < Frames && match < 0; f += 65536)
                if (f > lastMatch && sentPayloads[f].AsSpan().SequenceEqual(payload)) match = f;
            Assert.IsTrue(match >= 0, $"accepted a frame that was never sent (sequence {sequence}, {payload.Length} bytes)");
            accepted.Add(match);
            lastMatch = match;
        }

        int intact = damaged.Count(d => !d);
        var missedIntact = Enumerable.Range(0, Frames).Where(f => !damaged[f] && !accepted.Contains(f)).ToList();
        Assert.AreEqual(0, missedIntact.Count, $"intact frames not accepted: {string.Join(", ", missedIntact.Take(10))}");
        Assert.IsTrue(noise.Faults > 10_000, $"premise: the line was noisy ({noise.Faults} faults)");
        Assert.IsTrue(decoder.Rejected + decoder.Overlong > 0);
        Console.WriteLine($"{Frames} frames, {noise.Faults} byte faults, {Frames - intact} frames damaged, {accepted.Count} accepted, {decoder.CrcErrors} CRC rejections");
    }
}

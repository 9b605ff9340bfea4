using System.IO.Hashing;
using Edge.Device.Link;
using Edge.TestSupport;

namespace Edge.Device.Tests.Link;

/// <summary>The frame around every message (firmware/docs/link-protocol.md, "Frames"), pinned to golden bytes.</summary>
[TestClass]
public sealed class LinkFrameTests
{
    /// <summary>A request frame before COBS; the spec's frame table is generated from these lines.</summary>
    public const string RequestFrame = """
        02            // u8 protocol version: 2
        01            // u8 type: 1 request (host to board), 2 response, 3 telemetry (board to host, unsolicited)
        01 00         // u16 sequence: per sender, +1 per frame (wraps); gaps show frames lost
        CD AB 34 12   // u32 session: the host's session id (hello picks it; 0 in telemetry before any)
        07 00         // u16 request id: 1, 2, ... in the session (hello: 0); echoed in the response; 0 in telemetry
        21            // u8 command: or the telemetry kind
        00            // u8 status: 0 in requests and telemetry; in a response 0 ok, else an error code
        02 00         // u16 payload length n: at most 1024
        01 02         // * bytes payload: n bytes, the message
        83 BF BF 2B   // u32 CRC-32: IEEE 802.3 / zlib, of every byte before it
        """;

    [TestMethod]
    public void TheEncoderWritesTheGoldenFrame()
    {
        var expected = GoldenHex.Parse(RequestFrame);
        Assert.AreEqual(Crc32.HashToUInt32(expected.AsSpan(0, expected.Length - 4)), BitConverter.ToUInt32(expected, expected.Length - 4), "the golden's CRC, by System.IO.Hashing");
        var encoder = new FrameEncoder();
        encoder.Finish(FrameType.Request, 0x1234ABCD, 7, 0x21, 0, 0); // sequence 0
        encoder.Payload[LinkFrame.PayloadAt] = 1;
        encoder.Payload[LinkFrame.PayloadAt + 1] = 2;
        int wire = encoder.Finish(FrameType.Request, 0x1234ABCD, 7, 0x21, 0, 2); // sequence 1
        Assert.AreEqual(GoldenHex.Format(expected), GoldenHex.Format(encoder.Payload.AsSpan(0, expected.Length)));

        // On the wire: COBS (no zero inside) and one delimiter; the decoder gives every field back.
        Assert.AreEqual(0, encoder.Wire[wire - 1]);
        Assert.IsFalse(encoder.Wire.AsSpan(0, wire - 1).Contains((byte)0));
        var decoder = new FrameDecoder();
        bool accepted = false;
        for (int i = 0; i < wire; i++) accepted = decoder.Push(encoder.Wire[i]);
        Assert.IsTrue(accepted);
        Assert.AreEqual((1, 0x1234ABCDu, (ushort)7, (byte)0x21, (byte)0, 2), (decoder.Sequence, decoder.Session, decoder.RequestId, decoder.Command, decoder.Status, decoder.PayloadLength));
    }

    [TestMethod]
    public void AnIntactFrameOfAnotherVersionIsCountedApartFromNoise()
    {
        // A version-1 frame: its own header (no session), but a CRC-32 at the end like every version.
        var v1 = GoldenHex.Parse("01 01 00 00 01 00 02 00 00 00").ToList();
        v1.AddRange(BitConverter.GetBytes(Crc32.HashToUInt32(v1.ToArray())));
        var wire = new byte[64];
        int n = Cobs.Encode(v1.ToArray(), 0, v1.Count, wire, 0);
        var decoder = new FrameDecoder();
        for (int i = 0; i < n; i++) Assert.IsFalse(decoder.Push(wire[i]));
        Assert.IsFalse(decoder.Push(0));
        Assert.AreEqual((1, 1, (byte)1, 0), (decoder.Rejected, decoder.ForeignVersion, decoder.LastForeignVersion, decoder.CrcErrors));
    }

    [TestMethod]
    public void TheLongestRunOfGarbageIsRejectedNotWrittenPastTheFrame()
    {
        // Valid COBS as long as the decoder keeps: it decodes to a few bytes more than any frame.
        var decoder = new FrameDecoder();
        for (int i = 0; i < LinkFrame.MaxEncoded; i++) Assert.IsFalse(decoder.Push(i % 255 == 0 ? (byte)0xFF : (byte)0x55));
        Assert.IsFalse(decoder.Push(0));
        Assert.AreEqual(1, decoder.Rejected);
        Assert.AreEqual(0, decoder.Overlong);
    }
}

using System.IO.Hashing;
using Edge.Device.Link;

namespace Edge.Device.Tests.Link;

/// <summary>
/// The frame checks of firmware/docs/link-protocol.md ("Frames") at their limits: raw frames built
/// here field by field with System.IO.Hashing's CRC-32, so each check is met by a frame that is
/// wrong in that one respect and right in every other.
/// </summary>
[TestClass]
public sealed class FrameLimitsTests
{
    private static byte[] Raw(byte type = FrameType.Request, int payload = 2, int? declared = null, byte version = LinkFrame.ProtocolVersion)
    {
        var frame = new List<byte> { version, type, 0x01, 0x00, 0xCD, 0xAB, 0x34, 0x12, 0x07, 0x00, 0x21, 0x00 };
        frame.AddRange(BitConverter.GetBytes((ushort)(declared ?? payload)));
        frame.AddRange(Enumerable.Range(0, payload).Select(i => (byte)(i * 13 + 1)));
        frame.AddRange(BitConverter.GetBytes(Crc32.HashToUInt32(frame.ToArray())));
        return frame.ToArray();
    }

    private static bool PushFrame(FrameDecoder decoder, byte[] raw)
    {
        var wire = new byte[Cobs.MaxEncodedLength(raw.Length)];
        int n = Cobs.Encode(raw, 0, raw.Length, wire, 0);
        for (int i = 0; i < n; i++) Assert.IsFalse(decoder.Push(wire[i]), "nothing completes before the delimiter");
        return decoder.Push(LinkFrame.Delimiter);
    }

    [TestMethod]
    public void TheLargestPayloadIsAcceptedAndCounted()
    {
        var decoder = new FrameDecoder();
        Assert.IsTrue(PushFrame(decoder, Raw(payload: LinkFrame.MaxPayload)));
        Assert.AreEqual(LinkFrame.Overhead + LinkFrame.MaxPayload, decoder.FrameLength);
        Assert.AreEqual(LinkFrame.MaxPayload, decoder.PayloadLength);
        Assert.IsTrue(PushFrame(decoder, Raw(payload: 0)));
        Assert.AreEqual((2, 0), (decoder.Accepted, decoder.Rejected));
    }

    [TestMethod]
    [DataRow((byte)0, DisplayName = "type 0")]
    [DataRow((byte)4, DisplayName = "type 4, one past telemetry")]
    public void AnIntactFrameOfAnUnknownTypeIsRejectedButIsNoCrcError(byte type)
    {
        var decoder = new FrameDecoder();
        Assert.IsFalse(PushFrame(decoder, Raw(type: type)));
        Assert.AreEqual((0, 1, 0), (decoder.Accepted, decoder.Rejected, decoder.CrcErrors));
    }

    [TestMethod]
    public void EveryValidTypeIsAccepted()
    {
        var decoder = new FrameDecoder();
        foreach (byte type in new[] { FrameType.Request, FrameType.Response, FrameType.Telemetry })
        {
            Assert.IsTrue(PushFrame(decoder, Raw(type: type)), $"type {type}");
            Assert.AreEqual(type, decoder.Type);
        }
    }

    [TestMethod]
    [DataRow(3, DisplayName = "declares more than it carries")]
    [DataRow(1, DisplayName = "declares less than it carries")]
    public void ADeclaredLengthThatDisagreesIsRejected(int declared)
    {
        var decoder = new FrameDecoder();
        Assert.IsFalse(PushFrame(decoder, Raw(payload: 2, declared: declared)));
        Assert.AreEqual((0, 1), (decoder.Accepted, decoder.Rejected));
    }

    [TestMethod]
    public void APayloadLongerThanTheLimitIsRejectedEvenWhenTheLengthAgrees()
    {
        var decoder = new FrameDecoder();
        Assert.IsFalse(PushFrame(decoder, Raw(payload: LinkFrame.MaxPayload + 1)));
        Assert.AreEqual(1, decoder.Rejected);
    }

    [TestMethod]
    public void ACorruptedByteIsACrcError()
    {
        var raw = Raw();
        raw[10] ^= 0x40;
        var decoder = new FrameDecoder();
        Assert.IsFalse(PushFrame(decoder, raw));
        Assert.AreEqual((1, 1), (decoder.Rejected, decoder.CrcErrors));
    }

    [TestMethod]
    public void AnOverlongRunIsCountedOnceAndTheNextFrameIsAccepted()
    {
        var decoder = new FrameDecoder();
        for (int i = 0; i < LinkFrame.MaxEncoded + 50; i++) Assert.IsFalse(decoder.Push(0x55));
        Assert.IsFalse(decoder.Push(LinkFrame.Delimiter), "the overlong run is discarded at its delimiter");
        Assert.AreEqual((1, 0), (decoder.Overlong, decoder.Rejected));
        Assert.IsTrue(PushFrame(decoder, Raw()), "back in step after the delimiter");
        Assert.AreEqual(1, decoder.Overlong);
    }

    [TestMethod]
    public void IdleDelimitersAreNeitherFramesNorErrors()
    {
        var decoder = new FrameDecoder();
        Assert.IsFalse(decoder.Push(LinkFrame.Delimiter));
        Assert.IsFalse(decoder.Push(LinkFrame.Delimiter));
        Assert.AreEqual((0, 0, 0), (decoder.Accepted, decoder.Rejected, decoder.Overlong));
    }

    [TestMethod]
    public void TheEncoderRefusesPayloadsOutsideTheLimitAndNumbersItsFrames()
    {
        var encoder = new FrameEncoder();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => encoder.Finish(FrameType.Response, 1, 1, 1, 0, -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => encoder.Finish(FrameType.Response, 1, 1, 1, 0, LinkFrame.MaxPayload + 1));
        Assert.AreEqual(0, encoder.NextSequence, "a refused frame takes no sequence number");
        int wire = encoder.Finish(FrameType.Response, 1, 1, 1, 0, LinkFrame.MaxPayload);
        Assert.AreEqual(1, encoder.NextSequence);
        var decoder = new FrameDecoder();
        bool accepted = false;
        for (int i = 0; i < wire; i++) accepted = decoder.Push(encoder.Wire[i]);
        Assert.IsTrue(accepted);
        Assert.AreEqual(LinkFrame.MaxPayload, decoder.PayloadLength);
    }

    [TestMethod]
    public void RunsTooShortForAFrameAreRejectedWithoutACrcError()
    {
        var decoder = new FrameDecoder();
        // 3 bytes: too short to hold a CRC-32 at all
        Assert.IsFalse(PushFrame(decoder, [0x02, 0x01, 0x05]));
        // version 2 and an intact CRC, but shorter than the 18-byte header and CRC
        byte[] body = [LinkFrame.ProtocolVersion, FrameType.Request, 0x01];
        Assert.IsFalse(PushFrame(decoder, body.Concat(BitConverter.GetBytes(Crc32.HashToUInt32(body))).ToArray()));
        Assert.AreEqual((0, 2, 0, 0), (decoder.Accepted, decoder.Rejected, decoder.CrcErrors, decoder.ForeignVersion));
    }

    [TestMethod]
    public void TheShortestIntactFrameOfAnotherVersionIsCountedAsForeign()
    {
        // 5 bytes: a version byte and its CRC-32, the least that shows a frame is intact and whose.
        var decoder = new FrameDecoder();
        byte[] body = [0x01];
        Assert.IsFalse(PushFrame(decoder, body.Concat(BitConverter.GetBytes(Crc32.HashToUInt32(body))).ToArray()));
        Assert.AreEqual((0, 1, 0, 1), (decoder.Accepted, decoder.Rejected, decoder.CrcErrors, decoder.ForeignVersion));
        Assert.AreEqual(1, decoder.LastForeignVersion);
    }

    [TestMethod]
    public void TheEncodersRefusalSaysWhy()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FrameEncoder().Finish(FrameType.Response, 1, 1, 1, 0, LinkFrame.MaxPayload + 1));
        StringAssert.Contains(error.Message, "payload exceeds the link's maximum");
        Assert.AreEqual("payloadLength", error.ParamName);
    }
}

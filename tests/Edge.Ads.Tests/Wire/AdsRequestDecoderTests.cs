using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>Request payloads against ads-protocol.md §1.3, and the length checks that guard the server.</summary>
[TestClass]
public sealed class AdsRequestDecoderTests
{
    [TestMethod]
    public void DecodesWrite()
    {
        var payload = Hex.Parse("""
            40 40 00 00   // index group
            05 00 00 00   // index offset
            02 00 00 00   // length
            AB CD         // data
            """);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeWrite(payload, out var write));
        Assert.AreEqual(0x4040u, write.IndexGroup);
        Assert.AreEqual(5u, write.IndexOffset);
        CollectionAssert.AreEqual(new byte[] { 0xAB, 0xCD }, write.Data.ToArray());
    }

    [TestMethod]
    public void DecodesReadWriteWithTheWhateverSizeReadLength()
    {
        var payload = Hex.Parse("""
            09 F0 00 00   // index group 0xF009
            00 00 00 00   // index offset
            FF FF FF FF   // read length: "whatever size it is"
            03 00 00 00   // write length
            41 42 00      // "AB\0"
            """);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeReadWrite(payload, out var request));
        Assert.AreEqual(AdsIndexGroup.SymbolInfoByNameEx, request.IndexGroup);
        Assert.AreEqual(uint.MaxValue, request.ReadLength);
        Assert.AreEqual("AB", AdsString.ReadName(request.WriteData.Span));
    }

    [TestMethod]
    public void DecodesAddNotificationWithDelayAndCycleIn100NsUnits()
    {
        var payload = Hex.Parse("""
            40 40 00 00   // index group
            08 00 00 00   // index offset
            50 00 00 00   // length 80
            04 00 00 00   // trans mode: on change
            00 00 00 00   // max delay
            80 84 1E 00   // cycle time 2 000 000 = 200 ms, what ads-client sends by default
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   // reserved
            """);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeAddNotification(payload, out var add));
        Assert.AreEqual(AdsTransMode.OnChange, add.TransMode);
        Assert.AreEqual(TimeSpan.FromMilliseconds(200), add.Cycle);
        Assert.AreEqual(80u, add.Length);
    }

    [TestMethod]
    public void DecodesWriteControlAndDeleteNotification()
    {
        Assert.IsTrue(AdsRequestDecoder.TryDecodeWriteControl(Hex.Parse("06 00  2A 00  00 00 00 00"), out var control));
        Assert.AreEqual(AdsState.Stop, control.AdsState);
        Assert.AreEqual(42, control.DeviceState);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeDeleteNotification(Hex.Parse("07 00 00 00"), out var delete));
        Assert.AreEqual(7u, delete.NotificationHandle);
    }

    [TestMethod]
    public void RejectsPayloadsWhoseLengthsDisagree()
    {
        Assert.IsFalse(AdsRequestDecoder.TryDecodeRead(new byte[11], out _), "Read is exactly 12 bytes");
        Assert.IsFalse(AdsRequestDecoder.TryDecodeRead(new byte[13], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeWrite(Hex.Parse("00000000 00000000 05000000 0102"), out _), "announces 5, carries 2");
        Assert.IsFalse(AdsRequestDecoder.TryDecodeWrite(new byte[8], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeReadWrite(Hex.Parse("00000000 00000000 04000000 FFFFFFFF"), out _), "write length 0xFFFFFFFF with none present");
        Assert.IsFalse(AdsRequestDecoder.TryDecodeAddNotification(new byte[39], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeDeleteNotification(new byte[5], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeWriteControl(Hex.Parse("05 00 00 00 01 00 00 00"), out _), "announces 1 byte of data, carries none");
    }

    [TestMethod]
    public void EncoderAndDecoderAgree()
    {
        var writer = new AdsBufferWriter();
        var add = new AdsAddNotificationRequest(1, 2, 3, AdsTransMode.Cyclic, 4, 5);
        AdsRequestEncoder.WriteAddNotification(writer, add);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeAddNotification(writer.WrittenSpan, out var decoded));
        Assert.AreEqual(add, decoded);

        writer.Clear();
        AdsRequestEncoder.WriteReadWrite(writer, new AdsReadWriteRequest(9, 8, 7, new byte[] { 1, 2, 3 }));
        Assert.IsTrue(AdsRequestDecoder.TryDecodeReadWrite(writer.WrittenMemory, out var readWrite));
        Assert.AreEqual((9u, 8u, 7u), (readWrite.IndexGroup, readWrite.IndexOffset, readWrite.ReadLength));
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, readWrite.WriteData.ToArray());
    }

    [TestMethod]
    public void RequestsWithoutDataDecode()
    {
        Assert.IsTrue(AdsRequestDecoder.TryDecodeWrite(Hex.Parse("40400000 05000000 00000000"), out var write), "a Write of 0 bytes");
        Assert.AreEqual(0, write.Data.Length);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeReadWrite(Hex.Parse("40400000 05000000 04000000 00000000"), out var readWrite), "a ReadWrite writing 0 bytes");
        Assert.AreEqual(4u, readWrite.ReadLength);
        Assert.AreEqual(0, readWrite.WriteData.Length);
        Assert.IsTrue(AdsRequestDecoder.TryDecodeWriteControl(Hex.Parse("0500 0000 00000000"), out var control), "a WriteControl without data");
        Assert.AreEqual(AdsState.Run, control.AdsState);
    }

    [TestMethod]
    public void RequestsShorterThanTheirFixedPartAreRefused()
    {
        Assert.IsFalse(AdsRequestDecoder.TryDecodeReadWrite(new byte[15], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeWriteControl(new byte[7], out _));
        Assert.IsFalse(AdsRequestDecoder.TryDecodeWrite(new byte[11], out _));
    }
}

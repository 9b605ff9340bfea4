using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>The DeviceNotification payload of ads-protocol.md §1.4.</summary>
[TestClass]
public sealed class AdsNotificationStreamTests
{
    private static readonly long NewYear2024 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToFileTimeUtc();

    private static readonly byte[] OneStampTwoSamples = Hex.Parse("""
        25 00 00 00                // length: bytes after this field (37)
        01 00 00 00                // stamp count
        00 C0 89 76 45 3C DA 01    // FILETIME of 2024-01-01 00:00 UTC (100 ns since 1601)
        02 00 00 00                // sample count
        07 00 00 00  04 00 00 00  01 02 03 04   // handle 7, 4 bytes
        09 00 00 00  01 00 00 00  FF            // handle 9, 1 byte
        """);

    [TestMethod]
    public void WritesTheDocumentedStream()
    {
        var writer = new AdsBufferWriter();
        var stream = new AdsNotificationStreamWriter(writer);
        stream.BeginStamp(NewYear2024);
        stream.AddSample(7, [1, 2, 3, 4]);
        stream.AddSample(9, [0xFF]);
        Assert.AreEqual(Hex.Format(OneStampTwoSamples), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void ReadsTheDocumentedStream()
    {
        var stamps = AdsNotificationStreamReader.Read(OneStampTwoSamples);
        Assert.HasCount(1, stamps);
        Assert.AreEqual(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), stamps[0].Timestamp);
        Assert.HasCount(2, stamps[0].Samples);
        Assert.AreEqual(9u, stamps[0].Samples[1].NotificationHandle);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 4 }, stamps[0].Samples[0].Data.ToArray());
    }

    [TestMethod]
    public void SeveralStampsRoundTrip()
    {
        var writer = new AdsBufferWriter();
        var stream = new AdsNotificationStreamWriter(writer);
        stream.BeginStamp(1000);
        stream.AddSample(1, [1]);
        stream.BeginStamp(2000);
        stream.AddSample(2, [2, 2]);
        stream.AddSample(3, []);
        var stamps = AdsNotificationStreamReader.Read(writer.WrittenMemory);
        Assert.AreEqual(2, stream.StampCount);
        CollectionAssert.AreEqual(new long[] { 1000, 2000 }, stamps.Select(s => s.FileTime).ToArray());
        CollectionAssert.AreEqual(new[] { 1, 2 }, stamps.Select(s => s.Samples.Count).ToArray());
        Assert.AreEqual(0, stamps[1].Samples[1].Data.Length, "an invalidated handle's one empty sample");
    }

    [TestMethod]
    [DataRow("05000000 02000000 0000000000000000 00000000", DisplayName = "two stamps announced, one present")]
    [DataRow("05000000 01000000 0000000000000000 01000000 07000000", DisplayName = "sample header cut off")]
    [DataRow("05000000 01000000 0000000000000000 01000000 07000000 FFFFFFFF 00", DisplayName = "sample size past the end")]
    [DataRow("0500", DisplayName = "no stamp count")]
    public void RejectsStreamsThatClaimMoreThanTheyCarry(string hex) =>
        Assert.ThrowsExactly<AdsFormatException>(() => AdsNotificationStreamReader.Read(Hex.Parse(hex)));

    [TestMethod]
    public void AStreamWithoutStampsAndAStampWithoutSamplesAreValid()
    {
        Assert.AreEqual(0, AdsNotificationStreamReader.Read(Hex.Parse("04000000 00000000")).Count);
        var stamps = AdsNotificationStreamReader.Read(Hex.Parse("10000000 01000000 0100000000000000 00000000"));
        Assert.AreEqual(1, stamps.Count);
        Assert.AreEqual(1L, stamps[0].FileTime);
        Assert.AreEqual(0, stamps[0].Samples.Count);
    }

    [TestMethod]
    public void ErrorsSayWhereTheStreamWasCut()
    {
        var shortStream = Assert.ThrowsExactly<AdsFormatException>(() => AdsNotificationStreamReader.Read(Hex.Parse("0500")));
        StringAssert.Contains(shortStream.Message, "has 2 bytes, needs 8");
        var stamp = Assert.ThrowsExactly<AdsFormatException>(() => AdsNotificationStreamReader.Read(Hex.Parse("05000000 02000000 0000000000000000 00000000")));
        StringAssert.Contains(stamp.Message, "stamp 1 of 2 is cut off at byte 20");
        var header = Assert.ThrowsExactly<AdsFormatException>(() => AdsNotificationStreamReader.Read(Hex.Parse("05000000 01000000 0000000000000000 01000000 07000000")));
        StringAssert.Contains(header.Message, "sample 0 of stamp 0 is cut off at byte 20");
        // 3 data bytes announced, 2 present
        var data = Assert.ThrowsExactly<AdsFormatException>(() => AdsNotificationStreamReader.Read(Hex.Parse("05000000 01000000 0000000000000000 01000000 07000000 03000000 AABB")));
        StringAssert.Contains(data.Message, "sample 0 of stamp 0 announces 3 bytes, 2 left");
    }

    [TestMethod]
    public void ASampleNeedsAStamp()
    {
        var stream = new AdsNotificationStreamWriter(new AdsBufferWriter());
        var error = Assert.ThrowsExactly<InvalidOperationException>(() => stream.AddSample(1, [1]));
        StringAssert.Contains(error.Message, "call BeginStamp first");
    }

    [TestMethod]
    public void TheLengthFieldIsRightAfterEveryCallWhereverTheStreamStarts()
    {
        var writer = new AdsBufferWriter();
        writer.WriteZeros(38); // the frame's headers come first in a real frame
        var stream = new AdsNotificationStreamWriter(writer);
        Assert.AreEqual(4u, LengthField(), "the stamp count only");
        stream.BeginStamp(NewYear2024);
        Assert.AreEqual(4u + 12, LengthField(), "a stamp without samples");
        stream.AddSample(7, [1, 2, 3]);
        Assert.AreEqual(4u + 12 + 8 + 3, LengthField());
        var stamps = AdsNotificationStreamReader.Read(writer.WrittenMemory[38..]);
        CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, stamps.Single().Samples.Single().Data.ToArray());

        uint LengthField() => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(writer.WrittenSpan[38..]);
    }
}

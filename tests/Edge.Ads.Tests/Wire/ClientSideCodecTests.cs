using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>
/// The client side of the wire (what <c>AdsTcpClient</c> sends and parses) against the layouts of
/// ads-protocol.md §1.3, written out by hand as golden bytes: request payloads byte for byte, and
/// response payloads decoded field by field, errors included.
/// </summary>
[TestClass]
public sealed class ClientSideCodecTests
{
    [TestMethod]
    public void ReadRequestIsGroupOffsetLength()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteRead(writer, new AdsReadRequest(0x4020, 0x10, 4));
        Assert.AreEqual(Hex.Format(Hex.Parse("20400000 10000000 04000000")), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteRequestIsGroupOffsetLengthAndData()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteWrite(writer, new AdsWriteRequest(0xF005, 0x12345678, new byte[] { 0xAA, 0xBB, 0xCC }));
        var expected = Hex.Parse("""
            05 F0 00 00   // index group 0xF005
            78 56 34 12   // index offset
            03 00 00 00   // length
            AA BB CC      // data
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void ReadWriteRequestIsGroupOffsetReadLengthWriteLengthAndData()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteReadWrite(writer, new AdsReadWriteRequest(0xF003, 0, uint.MaxValue, new byte[] { 0x41, 0x00 }));
        var expected = Hex.Parse("""
            03 F0 00 00   // index group 0xF003 (handle by name)
            00 00 00 00   // index offset
            FF FF FF FF   // read length: whatever size it is
            02 00 00 00   // write length
            41 00         // "A\0"
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void WriteControlRequestIsStatesLengthAndData()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteWriteControl(writer, new AdsWriteControlRequest(AdsState.Stop, 0x0102, new byte[] { 9 }));
        var expected = Hex.Parse("""
            06 00         // ads state: Stop
            02 01         // device state 0x0102
            01 00 00 00   // length
            09            // data
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void AddNotificationRequestIsFortyBytesEndingInSixteenReservedZeros()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteAddNotification(writer, new AdsAddNotificationRequest(0x4020, 8, 2, AdsTransMode.OnChange, 100_000, 2_000_000));
        var expected = Hex.Parse("""
            20 40 00 00   // index group
            08 00 00 00   // index offset
            02 00 00 00   // length
            04 00 00 00   // trans mode: on change
            A0 86 01 00   // max delay 100 000 (10 ms in 100 ns units)
            80 84 1E 00   // cycle time 2 000 000 (200 ms)
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   // reserved
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void DeleteNotificationRequestIsTheHandle()
    {
        var writer = new AdsBufferWriter();
        AdsRequestEncoder.WriteDeleteNotification(writer, new AdsDeleteNotificationRequest(0x01020304));
        Assert.AreEqual("04030201", Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void ByNameWriteDataIsTheNameAndOneNul() =>
        Assert.AreEqual("4D41494E2E7800", Hex.Format(AdsRequestEncoder.Name("MAIN.x")));

    [TestMethod]
    public void ReadResponseYieldsItsData()
    {
        var result = AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 02000000 BEEF"));
        Assert.IsTrue(result.Succeeded);
        CollectionAssert.AreEqual(new byte[] { 0xBE, 0xEF }, result.Data);
        CollectionAssert.AreEqual(new byte[] { 0xBE, 0xEF }, result.GetDataOrThrow("read"));
    }

    [TestMethod]
    public void AFailedReadThrowsWithItsCodeWhenTheDataIsAskedFor()
    {
        var result = AdsResponseDecoder.DecodeRead(Hex.Parse("10070000 00000000"));
        Assert.IsFalse(result.Succeeded);
        Assert.AreEqual(0, result.Data.Length);
        var error = Assert.ThrowsExactly<AdsErrorException>(() => result.GetDataOrThrow("read MAIN.x"));
        Assert.AreEqual(AdsErrorCode.DeviceSymbolNotFound, error.ErrorCode);
    }

    [TestMethod]
    public void ReadResponsesShorterThanTheirHeaderAreMalformed()
    {
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeRead(Hex.Parse("000000")));
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 0000")));
        // announces fewer bytes than it carries
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 01000000 0102")));
        // exactly the header with length 0 is a valid empty read
        Assert.AreEqual(0, AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 00000000")).Data.Length);
    }

    [TestMethod]
    public void ResultResponseIsTheCode()
    {
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, AdsResponseDecoder.DecodeResult(Hex.Parse("05070000")));
        Assert.AreEqual(AdsErrorCode.NoError, AdsResponseDecoder.DecodeResult(Hex.Parse("00000000")));
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeResult(Hex.Parse("000000")));
    }

    [TestMethod]
    public void ReadStateResponseYieldsBothStates()
    {
        var state = AdsResponseDecoder.DecodeReadState(Hex.Parse("00000000 0500 0201"));
        Assert.AreEqual(new AdsStateResult(AdsErrorCode.NoError, AdsState.Run, 0x0102), state);
        var failed = AdsResponseDecoder.DecodeReadState(Hex.Parse("01070000"));
        Assert.AreEqual(new AdsStateResult(AdsErrorCode.DeviceServiceNotSupported, AdsState.Invalid, 0), failed);
    }

    [TestMethod]
    public void DeviceInfoResponseYieldsVersionAndName()
    {
        var payload = Hex.Parse("""
            00 00 00 00                                      // result
            03 01                                            // major 3, minor 1
            B8 0F                                            // build 4024
            50 4C 43 00 58 58 58 58 58 58 58 58 58 58 58 58  // "PLC", NUL, then garbage a reader must ignore
            """);
        var info = AdsResponseDecoder.DecodeDeviceInfo(payload);
        Assert.AreEqual(AdsErrorCode.NoError, info.ErrorCode);
        Assert.AreEqual((3, 1, 4024, "PLC"), ((int)info.Info!.MajorVersion, (int)info.Info.MinorVersion, (int)info.Info.BuildVersion, info.Info.Name));
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeDeviceInfo(payload[..23]));
        var failed = AdsResponseDecoder.DecodeDeviceInfo(Hex.Parse("00070000"));
        Assert.AreEqual(AdsErrorCode.DeviceError, failed.ErrorCode);
        Assert.IsNull(failed.Info);
    }

    [TestMethod]
    public void AddNotificationResponseYieldsTheHandle()
    {
        Assert.AreEqual(new AdsHandleResult(AdsErrorCode.NoError, 0x01020304), AdsResponseDecoder.DecodeAddNotification(Hex.Parse("00000000 04030201")));
        Assert.AreEqual(new AdsHandleResult(AdsErrorCode.DeviceInvalidGroup, 0), AdsResponseDecoder.DecodeAddNotification(Hex.Parse("02070000")));
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeAddNotification(Hex.Parse("00000000 040302")));
    }

    [TestMethod]
    public void MalformedAnswersAreNamedWithWhatWasShort()
    {
        AssertMessage(() => AdsResponseDecoder.DecodeRead(Hex.Parse("000000")), "read response has 3 bytes, needs 4");
        AssertMessage(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 0000")), "read response has 6 bytes, needs 8");
        AssertMessage(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 05000000 01")), "read response announces 5 data bytes but carries 1");
        // "carries 1" is also a prefix of a wrong "carries 17": a second case whose count is not a prefix of count + 8 or - 8
        AssertMessage(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 09000000 0102")), "read response announces 9 data bytes but carries 2");
        AssertMessage(() => AdsResponseDecoder.DecodeResult(Hex.Parse("00")), "response has 1 bytes, needs 4");
        AssertMessage(() => AdsResponseDecoder.DecodeReadState(Hex.Parse("00")), "read-state response has 1 bytes, needs 4");
        AssertMessage(() => AdsResponseDecoder.DecodeReadState(Hex.Parse("00000000 05")), "read-state response has 5 bytes, needs 8");
        AssertMessage(() => AdsResponseDecoder.DecodeDeviceInfo(Hex.Parse("00")), "device-info response has 1 bytes, needs 4");
        AssertMessage(() => AdsResponseDecoder.DecodeDeviceInfo(Hex.Parse("00000000 0301B80F")), "device-info response has 8 bytes, needs 24");
        AssertMessage(() => AdsResponseDecoder.DecodeAddNotification(Hex.Parse("00")), "add-notification response has 1 bytes, needs 4");
        AssertMessage(() => AdsResponseDecoder.DecodeAddNotification(Hex.Parse("00000000 01")), "add-notification response has 5 bytes, needs 8");

        static void AssertMessage(Action decode, string expected) =>
            StringAssert.Contains(Assert.ThrowsExactly<AdsFormatException>(decode).Message, expected);
    }
}

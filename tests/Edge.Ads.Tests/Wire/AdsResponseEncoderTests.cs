using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>Response payloads against ads-protocol.md §1.3 and the hard rules of §3.5.</summary>
[TestClass]
public sealed class AdsResponseEncoderTests
{
    [TestMethod]
    public void DeviceInfoIs24BytesWithANulTerminatedName()
    {
        var writer = new AdsBufferWriter();
        AdsResponseEncoder.WriteDeviceInfo(writer, new AdsDeviceInfo(3, 1, 4024, "Edge ADS"));
        var expected = Hex.Parse("""
            00 00 00 00                                      // result
            03                                               // major
            01                                               // minor
            B8 0F                                            // build 4024
            45 64 67 65 20 41 44 53 00 00 00 00 00 00 00 00  // "Edge ADS", NUL-padded to 16
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
        var decoded = AdsResponseDecoder.DecodeDeviceInfo(writer.WrittenSpan);
        Assert.AreEqual("Edge ADS", decoded.Info!.Name);
    }

    [TestMethod]
    public void DeviceNamesThatWouldLoseTheirNulAreRefused() =>
        Assert.ThrowsExactly<ArgumentException>(() => new AdsDeviceInfo(1, 0, 0, "Sixteen chars!!!"));

    [TestMethod]
    public void ReadStateIsResultStateAndDeviceState()
    {
        var writer = new AdsBufferWriter();
        AdsResponseEncoder.WriteReadState(writer, AdsState.Run, 7);
        Assert.AreEqual(Hex.Format(Hex.Parse("00000000 0500 0700")), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void ReadDataCarriesResultLengthAndData()
    {
        var writer = new AdsBufferWriter();
        int start = AdsResponseEncoder.BeginReadData(writer);
        writer.Write([1, 2, 3]);
        AdsResponseEncoder.EndReadData(writer, start, AdsErrorCode.NoError);
        Assert.AreEqual(Hex.Format(Hex.Parse("00000000 03000000 010203")), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void AFailedReadDropsItsDataAndStaysEightBytes()
    {
        var writer = new AdsBufferWriter();
        int start = AdsResponseEncoder.BeginReadData(writer);
        writer.Write([1, 2, 3]);
        AdsResponseEncoder.EndReadData(writer, start, AdsErrorCode.DeviceSymbolNotFound);
        Assert.AreEqual(Hex.Format(Hex.Parse("10070000 00000000")), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    [DataRow(AdsCommandId.ReadWrite, "05070000 00000000", DisplayName = "ReadWrite: 8 bytes (a 4-byte error crashes ads-client)")]
    [DataRow(AdsCommandId.Read, "05070000 00000000", DisplayName = "Read: 8 bytes")]
    [DataRow(AdsCommandId.Write, "05070000", DisplayName = "Write: the result")]
    [DataRow(AdsCommandId.AddDeviceNotification, "05070000", DisplayName = "AddNotification: the result")]
    public void ErrorsTakeTheShapeTheClientParses(AdsCommandId command, string hex)
    {
        var writer = new AdsBufferWriter();
        AdsResponseEncoder.WriteError(writer, command, AdsErrorCode.DeviceInvalidSize);
        Assert.AreEqual(Hex.Format(Hex.Parse(hex)), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void DecoderReadsErrorsAndRejectsLyingLengths()
    {
        Assert.AreEqual(AdsErrorCode.DeviceInvalidGroup, AdsResponseDecoder.DecodeRead(Hex.Parse("02070000")).ErrorCode);
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeRead(Hex.Parse("00000000 05000000 01")));
        Assert.ThrowsExactly<AdsFormatException>(() => AdsResponseDecoder.DecodeReadState(Hex.Parse("00000000 05")));
    }

    [TestMethod]
    [DataRow("Fifteen chars!!", DisplayName = "15 characters: the most that leaves room for the NUL")]
    [DataRow("~ tilde", DisplayName = "0x7E is printable")]
    [DataRow(" ", DisplayName = "0x20 is printable")]
    public void PrintableNamesUpToFifteenCharactersAreAccepted(string name) =>
        Assert.AreEqual(name, new AdsDeviceInfo(1, 0, 0, name).Name);

    [TestMethod]
    [DataRow("A\t", DisplayName = "a control character")]
    [DataRow("A\u007F", DisplayName = "DEL")]
    [DataRow("caf\u00E9", DisplayName = "beyond ASCII")]
    public void NamesWithUnprintableCharactersAreRefusedWithTheName(string escaped)
    {
        string name = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var error = Assert.ThrowsExactly<ArgumentException>(() => new AdsDeviceInfo(1, 0, 0, name));
        StringAssert.Contains(error.Message, $"device name '{name}' must be at most 15 printable ASCII characters");
    }

    [TestMethod]
    public void DeviceInfoPadsWithZerosEvenInAReusedBuffer()
    {
        var writer = new AdsBufferWriter();
        writer.Write(Enumerable.Repeat((byte)0xEE, 64).ToArray());
        writer.Clear();
        AdsResponseEncoder.WriteDeviceInfo(writer, new AdsDeviceInfo(3, 1, 4024, "Edge"));
        Assert.AreEqual("00000000" + "03" + "01" + "B80F" + "45646765" + "000000000000000000000000", Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void AddNotificationAnswerIsResultAndHandle()
    {
        var writer = new AdsBufferWriter();
        AdsResponseEncoder.WriteAddNotification(writer, 0x01020304);
        Assert.AreEqual("00000000" + "04030201", Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void ReadDataLengthCountsOnlyTheDataWhereverTheAnswerStarts()
    {
        var writer = new AdsBufferWriter();
        writer.WriteZeros(38); // the frame's headers
        int start = AdsResponseEncoder.BeginReadData(writer);
        writer.Write([1, 2, 3]);
        AdsResponseEncoder.EndReadData(writer, start, AdsErrorCode.NoError);
        Assert.AreEqual("00000000" + "03000000" + "010203", Hex.Format(writer.WrittenSpan[38..]));
    }
}

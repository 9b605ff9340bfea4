using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Wire;

/// <summary>Upload info of ads-protocol.md §2.5 and the extended handle reply of §2.1.</summary>
[TestClass]
public sealed class AdsUploadInfoTests
{
    private static readonly AdsUploadInfo Info = new(3, 300, 9, 900, 0, 0, 0, 1252, AdsUploadInfoFlags.Is64Bit | AdsUploadInfoFlags.IncludesBaseTypes);

    [TestMethod]
    public void Version3IsSixtyFourBytes()
    {
        var writer = new AdsBufferWriter();
        Info.Write(writer, AdsUploadInfo.Version3Size);
        var expected = Hex.Parse("""
            03 00 00 00   // symbols
            2C 01 00 00   // symbol upload bytes
            09 00 00 00   // data types
            84 03 00 00   // data-type upload bytes
            00 00 00 00   // max dynamic symbols
            00 00 00 00   // used dynamic symbols
            00 00 00 00   // invalid dynamic symbols
            E4 04 00 00   // code page 1252
            03 00 00 00   // flags: 64 bit, includes base types
            """ + "\n" + string.Concat(Enumerable.Repeat("00", 28)));
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
        Assert.AreEqual(Info, AdsUploadInfo.Read(writer.WrittenSpan));
    }

    [TestMethod]
    public void ShorterVersionsArePrefixes()
    {
        var writer = new AdsBufferWriter();
        Info.Write(writer, AdsUploadInfo.Version1Size);
        Assert.AreEqual(Hex.Format(Hex.Parse("03000000 2C010000")), Hex.Format(writer.WrittenSpan));
        writer.Clear();
        Info.Write(writer, AdsUploadInfo.Version2Size);
        Assert.AreEqual(24, writer.Position);
        Assert.AreEqual(900u, AdsUploadInfo.Read(writer.WrittenSpan).DataTypeLength);
        Assert.ThrowsExactly<AdsFormatException>(() => AdsUploadInfo.Read(new byte[10]), "ads-client knows only 8, 24, 64");
    }

    [TestMethod]
    public void ExtendedHandleReplyLayout()
    {
        var writer = new AdsBufferWriter();
        new AdsSymbolHandleReply(0x11, 4, 0, "UDINT").WriteExtended(writer);
        var expected = Hex.Parse("""
            11 00 00 00   // handle
            04 00 00 00   // size
            00 00 00 00   // type decoration
            05 00         // type length
            55 44 49 4E 54 00   // "UDINT\0"
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
        Assert.AreEqual(new AdsSymbolHandleReply(0x11, 4, 0, "UDINT"), AdsSymbolHandleReply.ReadExtended(writer.WrittenSpan));
    }
}

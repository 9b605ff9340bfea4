using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Wire;

/// <summary>The TC3 AdsSymbolEntry layout of ads-protocol.md §2.3.</summary>
[TestClass]
public sealed class AdsSymbolEntryTests
{
    [TestMethod]
    public void WritesTheDocumentedLayout()
    {
        var entry = new AdsSymbolEntry(0x4040, 8, 4, AdsDataTypeId.Real32, AdsSymbolFlags.ReadOnly, "fRate", "REAL", "", []);
        var writer = new AdsBufferWriter();
        AdsSymbolEntryCodec.Write(writer, entry);
        var expected = Hex.Parse("""
            2C 00 00 00        // entry length 44: 30 fixed + 6 + 5 + 1 = 42, padded to 4
            40 40 00 00        // index group
            08 00 00 00        // index offset
            04 00 00 00        // size
            04 00 00 00        // data type ADST_REAL32
            20 00              // flags: read-only
            00 00              // array dimensions
            05 00              // name length (without NUL)
            04 00              // type length
            00 00              // comment length
            66 52 61 74 65 00  // "fRate\0"
            52 45 41 4C 00     // "REAL\0"
            00                 // "" comment, NUL still present
            00 00              // padding
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
        Assert.AreEqual(44, AdsSymbolEntryCodec.EncodedSize(entry));
    }

    [TestMethod]
    public void AnArraySymbolCarriesItsBounds()
    {
        var type = PlcTypes.Array(PlcTypes.Int, 1, 4);
        var entry = PlcTypeEntries.ForSymbol("GVL.Temperatures", type, 0x4040, 176, AdsSymbolFlags.None, "in degrees");
        var writer = new AdsBufferWriter();
        AdsSymbolEntryCodec.Write(writer, entry);
        var bytes = writer.WrittenSpan;
        Assert.AreEqual(1, BitConverter.ToUInt16(bytes[22..]), "one array dimension");
        int bounds = AdsSymbolEntryCodec.FixedSize + "GVL.Temperatures".Length + 1 + type.Name.Length + 1 + "in degrees".Length + 1;
        Assert.AreEqual(1, BitConverter.ToInt32(bytes[bounds..]), "lower bound");
        Assert.AreEqual(4u, BitConverter.ToUInt32(bytes[(bounds + 4)..]), "elements");

        var decoded = AdsSymbolEntryCodec.Read(bytes, out int length);
        Assert.AreEqual(bytes.Length, length);
        Assert.AreEqual("ARRAY [1..4] OF INT", decoded.TypeName);
        Assert.AreEqual(AdsDataTypeId.Int16, decoded.DataType, "an array carries its element's ADST code");
        Assert.AreEqual(new AdsArrayInfo(1, 4), decoded.ArrayInfo.Single());
        Assert.AreEqual(entry with { ArrayInfo = decoded.ArrayInfo }, decoded);
    }

    [TestMethod]
    [DataRow("1E000000 00000000 00000000 00000000 00000000 0000 0000 0500 0000 0000", DisplayName = "name runs past the entry")]
    [DataRow("FF000000 00000000 00000000 00000000 00000000 0000 0000 0000 0000 0000 000000", DisplayName = "entry length past the data")]
    [DataRow("21000000 00000000 00000000 00000000 00000000 0000 0000 0000 0000 0000 41 0000", DisplayName = "name not NUL-terminated")]
    public void RejectsBrokenEntries(string hex) =>
        Assert.ThrowsExactly<AdsFormatException>(() => AdsSymbolEntryCodec.Read(Hex.Parse(hex), out _));
}

using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Wire;

/// <summary>The AdsDatatypeEntry layout and the recipes that work with ads-client (ads-protocol.md §2.4).</summary>
[TestClass]
public sealed class AdsDataTypeEntryTests
{
    [TestMethod]
    public void ABaseTypeIsAFinalTypeWithoutTypeName()
    {
        var writer = new AdsBufferWriter();
        AdsDataTypeEntryCodec.Write(writer, PlcTypeEntries.ForType(PlcTypes.Real));
        var expected = Hex.Parse("""
            34 00 00 00   // entry length 52: 42 fixed + 5 + 1 + 1 = 49, padded
            01 00 00 00   // version 1
            00 00 00 00   // hash value
            00 00 00 00   // type hash value
            04 00 00 00   // size
            00 00 00 00   // offset
            04 00 00 00   // ADST_REAL32
            01 00 00 00   // flags: DataType
            04 00         // name length
            00 00         // type length
            00 00         // comment length
            00 00         // array dimensions
            00 00         // sub-items
            52 45 41 4C 00  00  00   // "REAL\0" "" ""
            00 00 00      // padding
            """);
        Assert.AreEqual(Hex.Format(expected), Hex.Format(writer.WrittenSpan));
    }

    [TestMethod]
    public void TheDocumentedStructRecipe()
    {
        // §2.4: ST_Metrics {fDrift REAL @0, nCount UDINT @4, aValues ARRAY [0..3] OF REAL @8}, size 24.
        var type = new PlcStructBuilder("ST_Metrics")
            .Add("fDrift", PlcTypes.Real)
            .Add("nCount", PlcTypes.UDInt)
            .Add("aValues", PlcTypes.Array(PlcTypes.Real, 0, 3))
            .Build();
        var writer = new AdsBufferWriter();
        AdsDataTypeEntryCodec.Write(writer, PlcTypeEntries.ForType(type));
        var bytes = writer.WrittenSpan;
        Assert.AreEqual(1u, U32(bytes, 4), "version");
        Assert.AreEqual(24u, U32(bytes, 16), "size");
        Assert.AreEqual(0u, U32(bytes, 20), "offset of a root");
        Assert.AreEqual(65u, U32(bytes, 24), "ADST_BIGTYPE");
        Assert.AreEqual(1u, U32(bytes, 28), "flags: DataType");
        Assert.AreEqual(3, BitConverter.ToUInt16(bytes[40..]), "sub-items");
        Assert.AreEqual("ST_Metrics", AdsString.Read(bytes[42..]));

        var root = AdsDataTypeEntryCodec.Read(bytes, out int length);
        Assert.AreEqual(bytes.Length, length);
        Assert.AreEqual("", root.TypeName);
        var expected = new[]
        {
            ("fDrift", "REAL", AdsDataTypeId.Real32, 4u, 0u, 0),
            ("nCount", "UDINT", AdsDataTypeId.UInt32, 4u, 4u, 0),
            ("aValues", "ARRAY [0..3] OF REAL", AdsDataTypeId.Real32, 16u, 8u, 1),
        };
        CollectionAssert.AreEqual(expected, root.SubItems.Select(s => (s.Name, s.TypeName, s.DataType, s.Size, s.Offset, s.ArrayInfo.Count)).ToArray());
        Assert.IsTrue(root.SubItems.All(s => s.Flags == AdsDataTypeFlags.DataItem), "members are DataItems");
        Assert.AreEqual(new AdsArrayInfo(0, 4), root.SubItems[2].ArrayInfo.Single());
    }

    [TestMethod]
    public void TheDocumentedArrayRecipe()
    {
        var entry = PlcTypeEntries.ForType(PlcTypes.Array(PlcTypes.Real, 0, 3));
        Assert.AreEqual("ARRAY [0..3] OF REAL", entry.Name);
        Assert.AreEqual("REAL", entry.TypeName, "names its element type");
        Assert.AreEqual(AdsDataTypeId.Real32, entry.DataType);
        Assert.AreEqual(AdsDataTypeFlags.DataType, entry.Flags);
        Assert.AreEqual(16u, entry.Size);
        Assert.AreEqual(new AdsArrayInfo(0, 4), entry.ArrayInfo.Single());
    }

    [TestMethod]
    public void NestedEntriesRoundTrip()
    {
        var inner = new PlcStructBuilder("ST_Inner").Add("a", PlcTypes.LReal).Add("b", PlcTypes.String(9)).Build();
        var outer = new PlcStructBuilder("ST_Outer", "with a comment").Add("x", PlcTypes.Bool).Add("inner", PlcTypes.Array(inner, 0, 1)).Build();
        var entry = PlcTypeEntries.ForType(outer);
        var writer = new AdsBufferWriter();
        AdsDataTypeEntryCodec.Write(writer, entry);
        Assert.AreEqual(AdsDataTypeEntryCodec.EncodedSize(entry), writer.Position);
        var decoded = AdsDataTypeEntryCodec.Read(writer.WrittenSpan, out _);
        Assert.AreEqual("with a comment", decoded.Comment);
        Assert.AreEqual("ARRAY [0..1] OF ST_Inner", decoded.SubItems[1].TypeName);
        Assert.AreEqual(AdsDataTypeId.BigType, decoded.SubItems[1].DataType);
        Assert.AreEqual(8u, decoded.SubItems[1].Offset);
        Assert.AreEqual((uint)(2 * inner.Size), decoded.SubItems[1].Size);
    }

    [TestMethod]
    public void RejectsSubItemsNestedBeyondTheDepthLimit()
    {
        // Each level claims one sub-item whose entry is the next level: a recursion bomb.
        var levels = AdsDataTypeEntryCodec.MaxDepth + 2;
        int size = levels * (AdsDataTypeEntryCodec.FixedSize + 3);
        var bytes = new byte[size];
        for (int level = 0; level < levels; level++)
        {
            int at = level * (AdsDataTypeEntryCodec.FixedSize + 3);
            BitConverter.TryWriteBytes(bytes.AsSpan(at), (uint)(size - at));
            BitConverter.TryWriteBytes(bytes.AsSpan(at + 40), (ushort)(level < levels - 1 ? 1 : 0));
        }
        Assert.ThrowsExactly<AdsFormatException>(() => AdsDataTypeEntryCodec.Read(bytes, out _));
    }

    private static uint U32(ReadOnlySpan<byte> bytes, int offset) => BitConverter.ToUInt32(bytes[offset..]);
}

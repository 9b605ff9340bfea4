using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// The TC3 AdsSymbolEntry layout:
/// <code>
/// 0  u32 entryLength (whole entry, padding included)   4 u32 indexGroup   8 u32 indexOffset
/// 12 u32 size   16 u32 dataType (ADST)   20 u16 flags   22 u16 arrayDim
/// 24 u16 nameLength   26 u16 typeLength   28 u16 commentLength   (lengths exclude the NUL)
/// 30 name\0 type\0 comment\0, then arrayDim x {i32 lowerBound, u32 elements}, then padding
/// </code>
/// Optional parts (GUID, attributes, extended flags) are not written: their flags stay clear.
/// Readers step by entryLength, so the padding to 4 bytes is free.
/// </summary>
public static class AdsSymbolEntryCodec
{
    /// <summary>Bytes before the name.</summary>
    public const int FixedSize = 4 + 4 + 4 + 4 + 4 + 2 + 2 + 2 + 2 + 2;

    /// <summary>Entry length <see cref="Write"/> produces, padding included.</summary>
    public static int EncodedSize(AdsSymbolEntry entry) => EntryText.Pad(UnpaddedSize(entry));

    public static void Write(AdsBufferWriter writer, AdsSymbolEntry entry)
    {
        int unpadded = UnpaddedSize(entry);
        int padded = EntryText.Pad(unpadded);
        writer.WriteUInt32((uint)padded);
        writer.WriteUInt32(entry.IndexGroup);
        writer.WriteUInt32(entry.IndexOffset);
        writer.WriteUInt32(entry.Size);
        writer.WriteUInt32((uint)entry.DataType);
        writer.WriteUInt16((ushort)entry.Flags);
        writer.WriteUInt16((ushort)entry.ArrayInfo.Count);
        EntryText.WriteLengths(writer, entry.Name, entry.TypeName, entry.Comment);
        EntryText.WriteVariablePart(writer, entry.Name, entry.TypeName, entry.Comment, entry.ArrayInfo);
        writer.WriteZeros(padded - unpadded);
    }

    /// <summary>Reads one entry at the start of <paramref name="source"/>; <paramref name="entryLength"/> is where the next one starts.</summary>
    public static AdsSymbolEntry Read(ReadOnlySpan<byte> source, out int entryLength)
    {
        var entry = EntryText.Entry(source, FixedSize, "symbol", out entryLength);
        int pos = FixedSize;
        var (name, type, comment, arrays) = EntryText.ReadVariablePart(entry, ref pos, lengthsAt: 24,
            arrayDimensions: BinaryPrimitives.ReadUInt16LittleEndian(entry[22..]), "symbol");
        return new AdsSymbolEntry(
            IndexGroup: BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
            IndexOffset: BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]),
            Size: BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]),
            DataType: (AdsDataTypeId)BinaryPrimitives.ReadUInt32LittleEndian(entry[16..]),
            Flags: (AdsSymbolFlags)BinaryPrimitives.ReadUInt16LittleEndian(entry[20..]),
            Name: name,
            TypeName: type,
            Comment: comment,
            ArrayInfo: arrays);
    }

    private static int UnpaddedSize(AdsSymbolEntry entry) =>
        FixedSize + EntryText.VariableSize(entry.Name, entry.TypeName, entry.Comment, entry.ArrayInfo);
}

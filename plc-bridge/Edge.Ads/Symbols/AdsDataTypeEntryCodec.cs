using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// The AdsDatatypeEntry layout:
/// <code>
/// 0  u32 entryLength   4 u32 version (1)   8 u32 hashValue   12 u32 typeHashValue
/// 16 u32 size   20 u32 offset (inside the parent)   24 u32 dataType (ADST)   28 u32 flags
/// 32 u16 nameLength   34 u16 typeLength   36 u16 commentLength   38 u16 arrayDim   40 u16 subItems
/// 42 name\0 type\0 comment\0, arrayDim x {i32 lowerBound, u32 elements}, subItems x entry, padding
/// </code>
/// Optional parts (GUID, copy mask, methods, attributes, enum values) are not written.
/// </summary>
public static class AdsDataTypeEntryCodec
{
    /// <summary>Bytes before the name.</summary>
    public const int FixedSize = 4 * 8 + 2 * 5;

    /// <summary>Deepest nesting of sub-items a reader follows; deeper input is rejected, not recursed into.</summary>
    public const int MaxDepth = 32;

    public static int EncodedSize(AdsDataTypeEntry entry) => EntryText.Pad(UnpaddedSize(entry));

    public static void Write(AdsBufferWriter writer, AdsDataTypeEntry entry)
    {
        int unpadded = UnpaddedSize(entry);
        int padded = EntryText.Pad(unpadded);
        writer.WriteUInt32((uint)padded);
        writer.WriteUInt32(entry.Version);
        writer.WriteUInt32(entry.HashValue);
        writer.WriteUInt32(entry.TypeHashValue);
        writer.WriteUInt32(entry.Size);
        writer.WriteUInt32(entry.Offset);
        writer.WriteUInt32((uint)entry.DataType);
        writer.WriteUInt32((uint)entry.Flags);
        EntryText.WriteLengths(writer, entry.Name, entry.TypeName, entry.Comment);
        writer.WriteUInt16((ushort)entry.ArrayInfo.Count);
        writer.WriteUInt16((ushort)entry.SubItems.Count);
        EntryText.WriteVariablePart(writer, entry.Name, entry.TypeName, entry.Comment, entry.ArrayInfo);
        foreach (var item in entry.SubItems)
            Write(writer, item);
        writer.WriteZeros(padded - unpadded);
    }

    public static AdsDataTypeEntry Read(ReadOnlySpan<byte> source, out int entryLength) => Read(source, out entryLength, 0);

    private static AdsDataTypeEntry Read(ReadOnlySpan<byte> source, out int entryLength, int depth)
    {
        if (depth > MaxDepth)
            throw new AdsFormatException($"data-type entry nests deeper than {MaxDepth} levels");
        var entry = EntryText.Entry(source, FixedSize, "data-type", out entryLength);
        int pos = FixedSize;
        var (name, type, comment, arrays) = EntryText.ReadVariablePart(entry, ref pos, lengthsAt: 32,
            arrayDimensions: BinaryPrimitives.ReadUInt16LittleEndian(entry[38..]), "data-type");
        int subCount = BinaryPrimitives.ReadUInt16LittleEndian(entry[40..]);
        var subItems = new AdsDataTypeEntry[subCount];
        for (int i = 0; i < subCount; i++)
        {
            subItems[i] = Read(entry[pos..], out int subLength, depth + 1);
            pos += subLength;
        }
        return new AdsDataTypeEntry(
            Version: BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
            HashValue: BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]),
            TypeHashValue: BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]),
            Size: BinaryPrimitives.ReadUInt32LittleEndian(entry[16..]),
            Offset: BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]),
            DataType: (AdsDataTypeId)BinaryPrimitives.ReadUInt32LittleEndian(entry[24..]),
            Flags: (AdsDataTypeFlags)BinaryPrimitives.ReadUInt32LittleEndian(entry[28..]),
            Name: name,
            TypeName: type,
            Comment: comment,
            ArrayInfo: arrays,
            SubItems: subItems);
    }

    private static int UnpaddedSize(AdsDataTypeEntry entry) =>
        FixedSize
        + EntryText.VariableSize(entry.Name, entry.TypeName, entry.Comment, entry.ArrayInfo)
        + entry.SubItems.Sum(EncodedSize);
}

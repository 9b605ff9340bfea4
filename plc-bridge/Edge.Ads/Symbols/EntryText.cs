using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// What symbol and data-type entries share: a leading u32 entry length, then (after their fixed
/// fields) <c>name\0 type\0 comment\0</c> whose lengths are three consecutive u16 fields, then
/// array bounds; entries are padded to 4 bytes so the next one's u32 fields stay aligned.
/// </summary>
internal static class EntryText
{
    /// <summary>Most characters a name, type or comment may have (its length field is a u16).</summary>
    public const int MaxLength = ushort.MaxValue - 1;

    public static int Pad(int size) => (size + 3) & ~3;

    /// <summary>Bytes of the strings (with their NULs) and the array bounds.</summary>
    public static int VariableSize(string name, string type, string comment, IReadOnlyList<AdsArrayInfo> arrays) =>
        Size(name) + Size(type) + Size(comment) + arrays.Count * AdsArrayInfo.Size;

    /// <summary>The three u16 lengths (without NUL), in the order the layouts keep them.</summary>
    public static void WriteLengths(AdsBufferWriter writer, string name, string type, string comment)
    {
        writer.WriteUInt16(Length(name));
        writer.WriteUInt16(Length(type));
        writer.WriteUInt16(Length(comment));
    }

    public static void WriteVariablePart(AdsBufferWriter writer, string name, string type, string comment, IReadOnlyList<AdsArrayInfo> arrays)
    {
        Write(writer, name);
        Write(writer, type);
        Write(writer, comment);
        foreach (var dim in arrays)
        {
            writer.WriteInt32(dim.LowerBound);
            writer.WriteUInt32(dim.Elements);
        }
    }

    /// <summary>The entry at the start of <paramref name="source"/>, cut to its announced length after checking it.</summary>
    public static ReadOnlySpan<byte> Entry(ReadOnlySpan<byte> source, int fixedSize, string what, out int entryLength)
    {
        if (source.Length < fixedSize)
            throw new AdsFormatException($"{what} entry has {source.Length} bytes, needs at least {fixedSize}");
        entryLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (entryLength < fixedSize || entryLength > source.Length)
            throw new AdsFormatException($"{what} entry length {entryLength} does not fit the {source.Length} bytes present");
        return source[..entryLength];
    }

    /// <summary>Reads the strings whose lengths sit at <paramref name="lengthsAt"/>, then <paramref name="arrayDimensions"/> bounds.</summary>
    public static (string Name, string Type, string Comment, IReadOnlyList<AdsArrayInfo> Arrays) ReadVariablePart(
        ReadOnlySpan<byte> entry, ref int pos, int lengthsAt, int arrayDimensions, string what)
    {
        string name = Read(entry, ref pos, BinaryPrimitives.ReadUInt16LittleEndian(entry[lengthsAt..]), $"{what} name");
        string type = Read(entry, ref pos, BinaryPrimitives.ReadUInt16LittleEndian(entry[(lengthsAt + 2)..]), $"{what} type");
        string comment = Read(entry, ref pos, BinaryPrimitives.ReadUInt16LittleEndian(entry[(lengthsAt + 4)..]), $"{what} comment");
        if (entry.Length - pos < arrayDimensions * AdsArrayInfo.Size)
            throw new AdsFormatException($"{arrayDimensions} array dimensions run past the {what} entry end");
        var dims = new AdsArrayInfo[arrayDimensions];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = new AdsArrayInfo(
                BinaryPrimitives.ReadInt32LittleEndian(entry[pos..]),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[(pos + 4)..]));
            pos += AdsArrayInfo.Size;
        }
        return (name, type, comment, dims);
    }

    private static int Size(string text) => AdsString.ByteCount(text) + 1;

    private static ushort Length(string text) => text.Length <= MaxLength
        ? (ushort)AdsString.ByteCount(text)
        : throw new ArgumentException($"entry text of {text.Length} characters exceeds the u16 length field");

    private static void Write(AdsBufferWriter writer, string text) => AdsString.WriteNulTerminated(text, writer.Allocate(Size(text)));

    private static string Read(ReadOnlySpan<byte> entry, ref int pos, int length, string what)
    {
        if (entry.Length - pos < length + 1)
            throw new AdsFormatException($"{what} of {length} bytes runs past the entry end");
        if (entry[pos + length] != 0)
            throw new AdsFormatException($"{what} is not NUL-terminated");
        string text = AdsString.Read(entry.Slice(pos, length));
        pos += length + 1;
        return text;
    }
}

using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>The NUL-terminated strings and array bounds shared by symbol and data-type entries.</summary>
internal static class EntryText
{
    /// <summary>Most characters a name, type or comment may have (its length field is a u16).</summary>
    public const int MaxLength = ushort.MaxValue - 1;

    /// <summary>Entries are padded to 4 bytes so the next entry's u32 fields stay aligned.</summary>
    public static int Pad(int size) => (size + 3) & ~3;

    public static int Size(string text) => AdsString.ByteCount(text) + 1;

    public static void Write(AdsBufferWriter writer, string text)
    {
        if (text.Length > MaxLength)
            throw new ArgumentException($"entry text of {text.Length} characters exceeds the u16 length field");
        AdsString.WriteNulTerminated(text, writer.Allocate(Size(text)));
    }

    public static string Read(ReadOnlySpan<byte> entry, ref int pos, int length, string what)
    {
        if (entry.Length - pos < length + 1)
            throw new AdsFormatException($"{what} of {length} bytes runs past the entry end");
        if (entry[pos + length] != 0)
            throw new AdsFormatException($"{what} is not NUL-terminated");
        string text = AdsString.Read(entry.Slice(pos, length));
        pos += length + 1;
        return text;
    }

    public static IReadOnlyList<AdsArrayInfo> ReadArrayInfo(ReadOnlySpan<byte> entry, ref int pos, int count)
    {
        if (entry.Length - pos < count * AdsArrayInfo.Size)
            throw new AdsFormatException($"{count} array dimensions run past the entry end");
        var dims = new AdsArrayInfo[count];
        for (int i = 0; i < count; i++)
        {
            dims[i] = new AdsArrayInfo(
                BinaryPrimitives.ReadInt32LittleEndian(entry[pos..]),
                BinaryPrimitives.ReadUInt32LittleEndian(entry[(pos + 4)..]));
            pos += AdsArrayInfo.Size;
        }
        return dims;
    }
}

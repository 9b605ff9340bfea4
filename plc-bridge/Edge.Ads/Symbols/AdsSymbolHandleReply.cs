using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// Answer of 0xF003 (handle by name). TwinCAT documents only the <c>u32 handle</c>; TC3 also
/// answers an extended form when the read length allows it, which ads-client expects:
/// <c>u32 handle, u32 size, u32 typeDecoration, u16 typeLength, type\0</c>.
/// </summary>
public sealed record AdsSymbolHandleReply(uint Handle, uint Size, uint TypeDecoration, string TypeName)
{
    /// <summary>The plain form, for PLC <c>ADSRDWRT</c> calls with READLEN 4.</summary>
    public const int PlainSize = 4;

    /// <summary>Bytes of the extended form.</summary>
    public int ExtendedSize => 4 + 4 + 4 + 2 + AdsString.ByteCount(TypeName) + 1;

    public void WriteExtended(AdsBufferWriter writer)
    {
        writer.WriteUInt32(Handle);
        writer.WriteUInt32(Size);
        writer.WriteUInt32(TypeDecoration);
        writer.WriteUInt16((ushort)AdsString.ByteCount(TypeName));
        AdsString.WriteNulTerminated(TypeName, writer.Allocate(AdsString.ByteCount(TypeName) + 1));
    }

    public static AdsSymbolHandleReply ReadExtended(ReadOnlySpan<byte> source)
    {
        if (source.Length < 14)
            throw new AdsFormatException($"extended handle reply has {source.Length} bytes, needs at least 14");
        int typeLength = BinaryPrimitives.ReadUInt16LittleEndian(source[12..]);
        if (source.Length < 14 + typeLength)
            throw new AdsFormatException($"extended handle reply announces a {typeLength}-byte type name, {source.Length - 14} bytes left");
        return new AdsSymbolHandleReply(
            BinaryPrimitives.ReadUInt32LittleEndian(source),
            BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            AdsString.Read(source.Slice(14, typeLength)));
    }
}

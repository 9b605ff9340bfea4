using System.Buffers.Binary;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// What a client reads before uploading symbols and types. Three sizes exist: 8 bytes (0xF00C:
/// symbol count and upload size), 24 bytes (adds type count and size, dynamic symbols) and 64
/// bytes (adds code page and flags). The upload sizes must equal what 0xF00B and 0xF00E return.
/// </summary>
public sealed record AdsUploadInfo(
    uint SymbolCount,
    uint SymbolLength,
    uint DataTypeCount,
    uint DataTypeLength,
    uint MaxDynamicSymbolCount,
    uint UsedDynamicSymbolCount,
    uint InvalidDynamicSymbolCount,
    uint EncodingCodePage,
    AdsUploadInfoFlags Flags)
{
    public const int Version1Size = 8;
    public const int Version2Size = 24;
    public const int Version3Size = 64;

    /// <summary>Writes the first <paramref name="size"/> bytes (8, 24 or 64) of the layout.</summary>
    public void Write(AdsBufferWriter writer, int size)
    {
        if (size is not (Version1Size or Version2Size or Version3Size))
            throw new ArgumentOutOfRangeException(nameof(size), $"upload info is 8, 24 or 64 bytes, not {size}");
        writer.WriteUInt32(SymbolCount);            // 0
        writer.WriteUInt32(SymbolLength);           // 4: bytes of the 0xF00B upload
        if (size == Version1Size)
            return;
        writer.WriteUInt32(DataTypeCount);          // 8
        writer.WriteUInt32(DataTypeLength);         // 12: bytes of the 0xF00E upload
        writer.WriteUInt32(MaxDynamicSymbolCount);  // 16
        writer.WriteUInt32(UsedDynamicSymbolCount); // 20
        if (size == Version2Size)
            return;
        writer.WriteUInt32(InvalidDynamicSymbolCount); // 24
        writer.WriteUInt32(EncodingCodePage);          // 28: 1252 unless 65001 (UTF-8)
        writer.WriteUInt32((uint)Flags);               // 32
        writer.WriteZeros(Version3Size - 36);          // 36..63 reserved
    }

    /// <summary>Reads an 8-, 24- or 64-byte upload info; the parts a shorter one lacks are 0.</summary>
    public static AdsUploadInfo Read(ReadOnlySpan<byte> source)
    {
        if (source.Length is not (Version1Size or Version2Size or Version3Size))
            throw new AdsFormatException($"upload info is 8, 24 or 64 bytes, not {source.Length}");
        Span<uint> field = stackalloc uint[9];
        for (int i = 0; i < field.Length && 4 * i + 4 <= source.Length; i++)
            field[i] = BinaryPrimitives.ReadUInt32LittleEndian(source[(4 * i)..]);
        return new AdsUploadInfo(field[0], field[1], field[2], field[3], field[4], field[5], field[6], field[7], (AdsUploadInfoFlags)field[8]);
    }
}

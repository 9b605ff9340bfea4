using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// The symbol upload (0xF00B), data-type upload (0xF00E) and the upload info that announces their
/// sizes, built together from one state of the table so the sizes always match the uploads.
/// </summary>
internal sealed class SymbolUploads
{
    /// <summary>Code page of names: TwinCAT's default; our names are ASCII, so it equals UTF-8 for them.</summary>
    public const uint CodePage = 1252;

    private SymbolUploads(byte[] symbols, int symbolCount, byte[] dataTypes, int dataTypeCount)
    {
        Symbols = symbols;
        DataTypes = dataTypes;
        Info = new AdsUploadInfo(
            SymbolCount: (uint)symbolCount,
            SymbolLength: (uint)symbols.Length,
            DataTypeCount: (uint)dataTypeCount,
            DataTypeLength: (uint)dataTypes.Length,
            MaxDynamicSymbolCount: 0,
            UsedDynamicSymbolCount: 0,
            InvalidDynamicSymbolCount: 0,
            EncodingCodePage: CodePage,
            Flags: AdsUploadInfoFlags.Is64Bit | AdsUploadInfoFlags.IncludesBaseTypes);
    }

    public byte[] Symbols { get; }

    public byte[] DataTypes { get; }

    public AdsUploadInfo Info { get; }

    public static SymbolUploads Build(IReadOnlyList<AdsSymbolEntry> symbols, IReadOnlyList<PlcType> types)
    {
        var symbolBytes = new AdsBufferWriter();
        foreach (var entry in symbols)
            AdsSymbolEntryCodec.Write(symbolBytes, entry);
        var typeBytes = new AdsBufferWriter();
        foreach (var type in types)
            AdsDataTypeEntryCodec.Write(typeBytes, PlcTypeEntries.ForType(type));
        return new SymbolUploads(symbolBytes.ToArray(), symbols.Count, typeBytes.ToArray(), types.Count);
    }
}

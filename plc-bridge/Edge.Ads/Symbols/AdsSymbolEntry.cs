using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// A symbol as TwinCAT 3 describes it (answer of 0xF009, records of the 0xF00B upload): where the
/// value lives (group, offset, size), its type name and ADST code, flags, and array bounds when the
/// symbol itself is an array.
/// </summary>
public sealed record AdsSymbolEntry(
    uint IndexGroup,
    uint IndexOffset,
    uint Size,
    AdsDataTypeId DataType,
    AdsSymbolFlags Flags,
    string Name,
    string TypeName,
    string Comment,
    IReadOnlyList<AdsArrayInfo> ArrayInfo);

using Edge.Ads.Protocol;

namespace Edge.Ads.Symbols;

/// <summary>
/// A data type as TwinCAT 3 describes it (answer of 0xF011, records of the 0xF00E upload). A STRUCT
/// lists its members as <see cref="SubItems"/> (flag DataItem, name = member, type = member type,
/// offset inside the STRUCT); an ARRAY type names its element type and carries its bounds.
/// </summary>
public sealed record AdsDataTypeEntry(
    uint Version,
    uint HashValue,
    uint TypeHashValue,
    uint Size,
    uint Offset,
    AdsDataTypeId DataType,
    AdsDataTypeFlags Flags,
    string Name,
    string TypeName,
    string Comment,
    IReadOnlyList<AdsArrayInfo> ArrayInfo,
    IReadOnlyList<AdsDataTypeEntry> SubItems)
{
    /// <summary>The only version readers accept (ads-rs rejects others).</summary>
    public const uint CurrentVersion = 1;
}

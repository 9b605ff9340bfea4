using Edge.Ads.Protocol;
using Edge.Ads.Types;

namespace Edge.Ads.Symbols;

/// <summary>
/// Describes <see cref="PlcType"/>s with the entries ADS clients read. The shapes follow what
/// ads-client 2.1.0 resolves (ads-protocol.md §2.4): a STRUCT lists members that name their type,
/// which the client then asks for by that exact name; an ARRAY type names its element type.
/// </summary>
public static class PlcTypeEntries
{
    /// <summary>The entry 0xF011 answers for <paramref name="type"/>'s name.</summary>
    public static AdsDataTypeEntry ForType(PlcType type) => type switch
    {
        PlcStructType s => Entry(s, AdsDataTypeFlags.DataType, s.Name, "", s.Comment, offset: 0,
            s.Members.Select(ForMember).ToArray()),
        PlcArrayType a => Entry(a, AdsDataTypeFlags.DataType, a.Name, a.ElementType.Name, null, offset: 0, []),
        _ => Entry(type, AdsDataTypeFlags.DataType, type.Name, "", null, offset: 0, []),
    };

    /// <summary>The entry of one symbol: where it lives and what type it has.</summary>
    public static AdsSymbolEntry ForSymbol(string name, PlcType type, uint indexGroup, uint indexOffset, AdsSymbolFlags flags, string? comment) =>
        new(indexGroup, indexOffset, (uint)type.Size, type.AdsDataType, flags, name, type.Name, comment ?? "", ArrayInfo(type));

    /// <summary>Bounds of an ARRAY type, one per dimension; empty for other types.</summary>
    public static IReadOnlyList<AdsArrayInfo> ArrayInfo(PlcType type) => type is PlcArrayType array
        ? array.Dimensions.Select(d => new AdsArrayInfo(d.LowerBound, (uint)d.Length)).ToArray()
        : [];

    // A member is a sub-item: flag DataItem, the member's name, its type's name and its offset.
    private static AdsDataTypeEntry ForMember(PlcStructMember member) =>
        Entry(member.Type, AdsDataTypeFlags.DataItem, member.Name, member.Type.Name, member.Comment, (uint)member.Offset, []);

    private static AdsDataTypeEntry Entry(PlcType type, AdsDataTypeFlags flags, string name, string typeName, string? comment, uint offset, IReadOnlyList<AdsDataTypeEntry> subItems) =>
        new(
            Version: AdsDataTypeEntry.CurrentVersion,
            HashValue: 0,
            TypeHashValue: 0,
            Size: (uint)type.Size,
            Offset: offset,
            DataType: type.AdsDataType,
            Flags: flags,
            Name: name,
            TypeName: typeName,
            Comment: comment ?? "",
            ArrayInfo: ArrayInfo(type),
            SubItems: subItems);
}

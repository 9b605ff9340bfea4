using Edge.Ads.Protocol;

namespace Edge.Ads.Types;

/// <summary>A base type (BOOL, INT, REAL, ...); its alignment is its size. Instances live in <see cref="PlcTypes"/>.</summary>
public sealed class PlcPrimitiveType : PlcType
{
    internal PlcPrimitiveType(string name, int size, AdsDataTypeId adsDataType, PlcPrimitiveKind kind)
        : base(name, size, size, adsDataType) => Kind = kind;

    public PlcPrimitiveKind Kind { get; }
}

using Edge.Ads.Protocol;

namespace Edge.Ads.Types;

/// <summary>
/// A TwinCAT data type as ADS clients see it: its name in TwinCAT spelling (what clients send back
/// to look it up), its size and alignment in the default layout, and its ADST code.
/// </summary>
public abstract class PlcType
{
    private protected PlcType(string name, int size, int alignment, AdsDataTypeId adsDataType)
    {
        Name = name;
        Size = size;
        Alignment = alignment;
        AdsDataType = adsDataType;
    }

    /// <summary>TwinCAT spelling: <c>REAL</c>, <c>STRING(80)</c>, <c>ARRAY [0..3] OF REAL</c>, <c>ST_Metrics</c>.</summary>
    public string Name { get; }

    /// <summary>Bytes of one value.</summary>
    public int Size { get; }

    /// <summary>Natural alignment: where the type may start inside a STRUCT under pack mode 8.</summary>
    public int Alignment { get; }

    /// <summary>ADST code in symbol and data-type entries (an array carries its element's code).</summary>
    public AdsDataTypeId AdsDataType { get; }

    /// <summary>
    /// Offset and type of a member or element below this type, e.g. <c>Metrics.FeatureDrift[3]</c>
    /// or <c>[2]</c>; names match case-insensitively. Throws <see cref="ArgumentException"/> naming
    /// the part that does not resolve.
    /// </summary>
    public PlcLocation Locate(string path) => PlcPath.Locate(this, path);

    /// <inheritdoc cref="Locate"/>
    public bool TryLocate(string path, out PlcLocation location) => PlcPath.TryLocate(this, path, out location, out _);

    public override string ToString() => Name;
}

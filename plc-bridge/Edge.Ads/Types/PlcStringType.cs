using System.Globalization;
using Edge.Ads.Protocol;

namespace Edge.Ads.Types;

/// <summary>
/// <c>STRING(n)</c>: n single-byte characters plus a NUL (size n+1, alignment 1), or
/// <c>WSTRING(n)</c>: n UTF-16 units plus a NUL unit (size 2n+2, alignment 2).
/// </summary>
public sealed class PlcStringType : PlcType
{
    /// <summary>Longest length accepted: what every TwinCAT version takes.</summary>
    public const int MaxLength = 255;

    internal PlcStringType(int length, bool wide)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"{(wide ? "WSTRING" : "STRING")}({length})"),
            wide ? 2 * (length + 1) : length + 1,
            wide ? 2 : 1,
            wide ? AdsDataTypeId.WString : AdsDataTypeId.String)
    {
        Length = length;
        IsWide = wide;
    }

    /// <summary>Characters, without the terminator.</summary>
    public int Length { get; }

    public bool IsWide { get; }
}

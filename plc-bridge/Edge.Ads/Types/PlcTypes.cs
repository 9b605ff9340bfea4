using Edge.Ads.Protocol;

namespace Edge.Ads.Types;

/// <summary>The base types, and factories for strings and arrays.</summary>
public static class PlcTypes
{
    // BOOL travels as ADST_BIT (33) with size 1, as TwinCAT reports it.
    public static PlcPrimitiveType Bool { get; } = new("BOOL", 1, AdsDataTypeId.Bit, PlcPrimitiveKind.Bool);
    public static PlcPrimitiveType Byte { get; } = new("BYTE", 1, AdsDataTypeId.UInt8, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType Word { get; } = new("WORD", 2, AdsDataTypeId.UInt16, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType DWord { get; } = new("DWORD", 4, AdsDataTypeId.UInt32, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType LWord { get; } = new("LWORD", 8, AdsDataTypeId.UInt64, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType SInt { get; } = new("SINT", 1, AdsDataTypeId.Int8, PlcPrimitiveKind.SignedInteger);
    public static PlcPrimitiveType USInt { get; } = new("USINT", 1, AdsDataTypeId.UInt8, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType Int { get; } = new("INT", 2, AdsDataTypeId.Int16, PlcPrimitiveKind.SignedInteger);
    public static PlcPrimitiveType UInt { get; } = new("UINT", 2, AdsDataTypeId.UInt16, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType DInt { get; } = new("DINT", 4, AdsDataTypeId.Int32, PlcPrimitiveKind.SignedInteger);
    public static PlcPrimitiveType UDInt { get; } = new("UDINT", 4, AdsDataTypeId.UInt32, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType LInt { get; } = new("LINT", 8, AdsDataTypeId.Int64, PlcPrimitiveKind.SignedInteger);
    public static PlcPrimitiveType ULInt { get; } = new("ULINT", 8, AdsDataTypeId.UInt64, PlcPrimitiveKind.UnsignedInteger);
    public static PlcPrimitiveType Real { get; } = new("REAL", 4, AdsDataTypeId.Real32, PlcPrimitiveKind.Real);
    public static PlcPrimitiveType LReal { get; } = new("LREAL", 8, AdsDataTypeId.Real64, PlcPrimitiveKind.Real);
    /// <summary>Milliseconds, unsigned 32 bit.</summary>
    public static PlcPrimitiveType Time { get; } = new("TIME", 4, AdsDataTypeId.UInt32, PlcPrimitiveKind.UnsignedInteger);
    /// <summary>Nanoseconds, unsigned 64 bit.</summary>
    public static PlcPrimitiveType LTime { get; } = new("LTIME", 8, AdsDataTypeId.UInt64, PlcPrimitiveKind.UnsignedInteger);

    public static IReadOnlyList<PlcPrimitiveType> Primitives { get; } =
        [Bool, Byte, Word, DWord, LWord, SInt, USInt, Int, UInt, DInt, UDInt, LInt, ULInt, Real, LReal, Time, LTime];

    /// <summary><c>STRING(length)</c>; TwinCAT's default length is 80.</summary>
    public static PlcStringType String(int length = 80) => new(CheckLength(length), wide: false);

    /// <summary><c>WSTRING(length)</c>.</summary>
    public static PlcStringType WString(int length = 80) => new(CheckLength(length), wide: true);

    /// <summary><c>ARRAY [lowerBound..upperBound] OF element</c>.</summary>
    public static PlcArrayType Array(PlcType element, int lowerBound, int upperBound) =>
        new(element, [new PlcArrayDimension(lowerBound, upperBound)]);

    /// <summary>A multi-dimensional ARRAY, first dimension first.</summary>
    public static PlcArrayType Array(PlcType element, params PlcArrayDimension[] dimensions) =>
        dimensions.Length == 0
            ? throw new ArgumentException("an ARRAY needs at least one dimension", nameof(dimensions))
            : new(element, dimensions.ToArray());

    private static int CheckLength(int length) => length is >= 1 and <= PlcStringType.MaxLength
        ? length
        : throw new ArgumentOutOfRangeException(nameof(length), $"string length {length}: 1 to {PlcStringType.MaxLength}");
}

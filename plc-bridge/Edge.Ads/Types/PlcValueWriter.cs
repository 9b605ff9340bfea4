namespace Edge.Ads.Types;

/// <summary>
/// Typed writes into the bytes of one value (a symbol's STRUCT, say) at locations found with
/// <see cref="PlcType.Locate"/>. Each setter checks the location's type and range.
/// </summary>
public readonly ref struct PlcValueWriter
{
    private readonly Span<byte> _value;

    public PlcValueWriter(Span<byte> value) => _value = value;

    /// <summary>The whole value, for raw copies.</summary>
    public Span<byte> Bytes => _value;

    public void Set(PlcLocation at, bool value) => PlcValueCodec.WriteBool(Slot(at), at.Type, value);

    public void Set(PlcLocation at, long value) => PlcValueCodec.WriteSigned(Slot(at), at.Type, value);

    public void Set(PlcLocation at, ulong value) => PlcValueCodec.WriteUnsigned(Slot(at), at.Type, value);

    /// <summary>REAL or LREAL.</summary>
    public void Set(PlcLocation at, double value) => PlcValueCodec.WriteReal(Slot(at), at.Type, value);

    /// <summary>STRING(n) or WSTRING(n); the unused rest of the field is cleared to NUL.</summary>
    public void Set(PlcLocation at, string value) => PlcValueCodec.WriteString(Slot(at), at.Type, value);

    /// <summary>Raw bytes of exactly the location's size.</summary>
    public void Set(PlcLocation at, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != at.Type.Size)
            throw new ArgumentException($"{at.Path} ({at.Type.Name}) takes {at.Type.Size} bytes, got {bytes.Length}");
        bytes.CopyTo(Slot(at));
    }

    private Span<byte> Slot(PlcLocation at) =>
        at.Offset >= 0 && at.Offset + at.Type.Size <= _value.Length
            ? _value.Slice(at.Offset, at.Type.Size)
            : throw new ArgumentOutOfRangeException(nameof(at), $"{at.Path} at {at.Offset}+{at.Type.Size} lies outside a {_value.Length}-byte value");
}

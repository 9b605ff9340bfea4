namespace Edge.Ads.Types;

/// <summary>Typed reads from the bytes of one value at locations found with <see cref="PlcType.Locate"/>.</summary>
public readonly ref struct PlcValueReader
{
    private readonly ReadOnlySpan<byte> _value;

    public PlcValueReader(ReadOnlySpan<byte> value) => _value = value;

    public bool GetBool(PlcLocation at) => PlcValueCodec.ReadBool(Slot(at), at.Type);

    public long GetInt64(PlcLocation at) => PlcValueCodec.ReadSigned(Slot(at), at.Type);

    public ulong GetUInt64(PlcLocation at) => PlcValueCodec.ReadUnsigned(Slot(at), at.Type);

    /// <summary>REAL or LREAL.</summary>
    public double GetDouble(PlcLocation at) => PlcValueCodec.ReadReal(Slot(at), at.Type);

    public string GetString(PlcLocation at) => PlcValueCodec.ReadString(Slot(at), at.Type);

    public ReadOnlySpan<byte> GetBytes(PlcLocation at) => Slot(at);

    private ReadOnlySpan<byte> Slot(PlcLocation at) =>
        at.Offset >= 0 && at.Offset + at.Type.Size <= _value.Length
            ? _value.Slice(at.Offset, at.Type.Size)
            : throw new ArgumentOutOfRangeException(nameof(at), $"{at.Path} at {at.Offset}+{at.Type.Size} lies outside a {_value.Length}-byte value");
}

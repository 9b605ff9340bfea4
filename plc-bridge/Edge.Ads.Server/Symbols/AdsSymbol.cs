using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// A published symbol: a name clients look up, a type, and the bytes at (index group, offset)
/// that hold its value. The application writes the value here; every change that alters bytes
/// wakes the on-change notifications of subscribed clients. Thread-safe.
/// </summary>
public sealed class AdsSymbol
{
    private readonly AdsMemoryArea _area;
    private readonly AdsSymbolTable _owner;
    private volatile bool _published = true;

    internal AdsSymbol(string name, PlcType type, uint indexGroup, uint indexOffset, string? comment, AdsMemoryArea area, AdsSymbolTable owner)
    {
        Name = name;
        Type = type;
        IndexGroup = indexGroup;
        IndexOffset = indexOffset;
        Comment = comment;
        _area = area;
        _owner = owner;
    }

    public string Name { get; }

    public PlcType Type { get; }

    public uint IndexGroup { get; }

    public uint IndexOffset { get; }

    public int Size => Type.Size;

    public string? Comment { get; }

    /// <summary>False once <see cref="AdsSymbolTable.Unpublish"/> removed it; its handles then answer 0x711.</summary>
    public bool IsPublished => _published;

    internal AdsRange Range => new(IndexGroup, IndexOffset, (uint)Type.Size);

    /// <summary>A member or element below this symbol's type, e.g. <c>FeatureDrift[3]</c>.</summary>
    public PlcLocation Locate(string path) => Type.Locate(path);

    /// <summary>Replaces the whole value.</summary>
    public void Write(ReadOnlySpan<byte> value)
    {
        if (value.Length != Size)
            throw new ArgumentException($"{Name} ({Type.Name}) takes {Size} bytes, got {value.Length}", nameof(value));
        EnsurePublished();
        if (_area.Write((int)IndexOffset, value))
            _owner.RaiseChanged(Range);
    }

    /// <summary>
    /// Edits the value in place, as one change: readers see all edits or none, and subscribers get
    /// one notification. <code>board.Update(v => { v.Set(rate, 0.25); v.Set(alarm, true); });</code>
    /// </summary>
    public void Update(SymbolUpdate update)
    {
        EnsurePublished();
        if (_area.Update((int)IndexOffset, Size, update))
            _owner.RaiseChanged(Range);
    }

    /// <summary>A copy of the current value.</summary>
    public byte[] ReadValue()
    {
        var value = new byte[Size];
        ReadValue(value);
        return value;
    }

    public void ReadValue(Span<byte> destination)
    {
        if (destination.Length != Size)
            throw new ArgumentException($"{Name} ({Type.Name}) has {Size} bytes, the destination {destination.Length}", nameof(destination));
        _area.Read((int)IndexOffset, destination);
    }

    internal void MarkUnpublished() => _published = false;

    internal void Clear() => _area.Write((int)IndexOffset, new byte[Size]);

    private void EnsurePublished()
    {
        if (!_published)
            throw new InvalidOperationException($"symbol {Name} was unpublished");
    }

    public override string ToString() => $"{Name} : {Type.Name} @ 0x{IndexGroup:X}:{IndexOffset}";
}

using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Types;

namespace Edge.Ads.Server.Symbols;

/// <summary>
/// What the ADS device serves: data types by name, symbols by name (both ignoring case, as
/// TwinCAT), the memory of each data index group, and which paths clients may write. Publishing
/// or removing a symbol bumps the symbol version, which tells clients to drop their caches.
/// Thread-safe; lookups take no lock.
/// </summary>
public sealed class AdsSymbolTable
{
    /// <summary>Longest name a client may send; longer ones are "not found" without further work.</summary>
    public const int MaxNameLength = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<uint, AdsMemoryArea> _areas = [];
    private readonly Dictionary<string, PlcType> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PlcType> _typeOrder = [];
    private readonly List<AdsSymbol> _symbolOrder = [];
    private volatile Dictionary<string, AdsSymbol> _symbols = new(StringComparer.OrdinalIgnoreCase);
    private volatile Dictionary<uint, AdsMemoryArea> _areaView = [];
    private volatile WritableRange[] _writable = [];
    private volatile SymbolUploads? _uploads;
    private int _version = 1;

    /// <summary>Raised after bytes changed: a symbol value, or the symbol version (0xF008).</summary>
    internal event Action<AdsRange>? Changed;

    /// <summary>Changes whenever symbols are published or removed (wraps at 255).</summary>
    public byte SymbolVersion => (byte)Volatile.Read(ref _version);

    public IReadOnlyList<AdsSymbol> Symbols
    {
        get
        {
            lock (_gate)
                return _symbolOrder.ToArray();
        }
    }

    public AdsSymbol? FindSymbol(string name) => _symbols.GetValueOrDefault(name);

    /// <summary>A registered type by name (ignoring case): STRUCTs, ARRAYs, strings and base types.</summary>
    public PlcType? FindType(string name)
    {
        lock (_gate)
            return _types.GetValueOrDefault(name);
    }

    /// <summary>
    /// Makes <paramref name="type"/> and every type inside it answerable by name (0xF011).
    /// Publishing does this too. A different STRUCT under a name already taken is refused.
    /// </summary>
    public void RegisterType(PlcType type)
    {
        lock (_gate)
        {
            if (AddType(type))
                Invalidate();
        }
    }

    /// <summary>
    /// Publishes <paramref name="name"/> (dotted IEC identifiers, e.g. <c>Board1</c> or
    /// <c>GVL.Board1</c>) as a value of <paramref name="type"/> at bytes
    /// [<paramref name="indexOffset"/>, +size) of data group <paramref name="indexGroup"/> (below
    /// 0xF000; 0x4040 is TwinCAT's PLC data area). The value starts as zeros and is read-only for
    /// clients until <see cref="EnableWrites"/>.
    /// </summary>
    public AdsSymbol Publish(string name, PlcType type, uint indexGroup, uint indexOffset, string? comment = null)
    {
        if (!PlcIdentifier.IsValidDotted(name))
            throw new ArgumentException($"symbol name '{name}' must be IEC identifiers joined by dots", nameof(name));
        if (indexGroup >= AdsIndexGroup.ReservedFirst)
            throw new ArgumentOutOfRangeException(nameof(indexGroup), $"index group 0x{indexGroup:X} is in the reserved service range (0xF000 and up)");
        var range = new AdsRange(indexGroup, indexOffset, (uint)type.Size);
        if (range.End > AdsMemoryArea.MaxSize)
            throw new ArgumentOutOfRangeException(nameof(indexOffset), $"{name} would end at byte {range.End} of its group; the limit is {AdsMemoryArea.MaxSize}");
        AdsSymbol symbol;
        lock (_gate)
        {
            if (_symbols.ContainsKey(name))
                throw new ArgumentException($"a symbol called {name} is already published (names ignore case)", nameof(name));
            if (_symbolOrder.FirstOrDefault(s => s.Range.Overlaps(range)) is { } other)
                throw new ArgumentException($"{name} at 0x{indexGroup:X}:{indexOffset}+{type.Size} overlaps {other}", nameof(indexOffset));
            AddType(type);
            if (!_areas.TryGetValue(indexGroup, out var area))
            {
                area = new AdsMemoryArea(indexGroup);
                _areas.Add(indexGroup, area);
                _areaView = new Dictionary<uint, AdsMemoryArea>(_areas);
            }
            area.Grow((int)range.End);
            symbol = new AdsSymbol(name, type, indexGroup, indexOffset, comment, area, this);
            _symbolOrder.Add(symbol);
            _symbols = new Dictionary<string, AdsSymbol>(_symbols, StringComparer.OrdinalIgnoreCase) { [name] = symbol };
            Invalidate();
            Interlocked.Increment(ref _version);
        }
        RaiseVersionChanged();
        return symbol;
    }

    /// <summary>Removes a symbol; its bytes are cleared, its writable paths closed, its handles invalid.</summary>
    public bool Unpublish(string name)
    {
        AdsSymbol? symbol;
        lock (_gate)
        {
            if (!_symbols.TryGetValue(name, out symbol))
                return false;
            symbol.MarkUnpublished();
            _symbolOrder.Remove(symbol);
            var remaining = new Dictionary<string, AdsSymbol>(_symbols, StringComparer.OrdinalIgnoreCase);
            remaining.Remove(name);
            _symbols = remaining;
            _writable = _writable.Where(w => w.Owner != symbol).ToArray();
            symbol.Clear();
            Invalidate();
            Interlocked.Increment(ref _version);
        }
        RaiseVersionChanged();
        RaiseChanged(symbol.Range);
        return true;
    }

    /// <summary>
    /// Lets clients write <paramref name="path"/> (a symbol or a member below one, e.g.
    /// <c>Board1.AlarmAck</c>); everything else stays read-only and answers 0x723 access denied.
    /// <paramref name="validator"/> sees each write first and may refuse it.
    /// </summary>
    public void EnableWrites(string path, AdsWriteValidator? validator = null)
    {
        if (!TryResolve(path, out var resolved))
            throw new ArgumentException($"'{path}' names no published symbol or member", nameof(path));
        lock (_gate)
        {
            _writable = [.. _writable, new WritableRange(resolved.Range, resolved.Name, resolved.Type, resolved.Root, validator)];
            Invalidate();
        }
    }

    /// <summary>Resolves a client's name: the longest published symbol name that prefixes it, then members and elements.</summary>
    internal bool TryResolve(string path, out ResolvedSymbol resolved)
    {
        resolved = null!;
        path = path.Trim();
        if (path.Length is 0 or > MaxNameLength)
            return false;
        var symbols = _symbols;
        for (int end = path.Length; end > 0; end = path.LastIndexOfAny(['.', '['], end - 1))
        {
            if (!symbols.TryGetValue(path[..end], out var symbol))
                continue;
            if (!symbol.Type.TryLocate(path[end..], out var location))
                return false;
            string name = location.Path.Length == 0 ? symbol.Name
                : location.Path[0] == '[' ? symbol.Name + location.Path
                : symbol.Name + "." + location.Path;
            var range = new AdsRange(symbol.IndexGroup, symbol.IndexOffset + (uint)location.Offset, (uint)location.Type.Size);
            resolved = new ResolvedSymbol(symbol, name, location.Type, range.IndexGroup, range.Offset, FindWritable(range) is not null);
            return true;
        }
        return false;
    }

    internal PlcType? FindTypeForClient(string name)
    {
        if (name.Length is 0 or > MaxNameLength)
            return null;
        return FindType(name.Trim());
    }

    internal SymbolUploads Uploads
    {
        get
        {
            if (_uploads is { } built)
                return built;
            lock (_gate)
            {
                return _uploads ??= SymbolUploads.Build(
                    _symbolOrder.Select(s => EntryFor(s.Name, s.Type, s.Range, s.Comment)).ToArray(),
                    _typeOrder.ToArray());
            }
        }
    }

    internal AdsSymbolEntry EntryFor(ResolvedSymbol resolved) =>
        EntryFor(resolved.Name, resolved.Type, resolved.Range, resolved.Root.Comment);

    /// <summary>Reads client-visible memory: 0x702 for a group without symbols, 0x703/0x705 outside it.</summary>
    internal AdsErrorCode ReadMemory(uint indexGroup, uint indexOffset, uint length, AdsBufferWriter output) =>
        _areaView.TryGetValue(indexGroup, out var area)
            ? area.Read(indexOffset, length, output)
            : AdsErrorCode.DeviceInvalidGroup;

    internal bool HasMemory(uint indexGroup) => _areaView.ContainsKey(indexGroup);

    /// <summary>
    /// A client's write: allowed only inside one writable range, after its validator agreed.
    /// <paramref name="path"/> names the range written, for the log.
    /// </summary>
    internal AdsErrorCode WriteFromClient(uint indexGroup, uint indexOffset, ReadOnlyMemory<byte> data, AmsAddress sender, out string? path)
    {
        path = null;
        if (!_areaView.TryGetValue(indexGroup, out var area))
            return AdsErrorCode.DeviceInvalidGroup;
        var error = area.Check(indexOffset, (uint)data.Length);
        if (error != AdsErrorCode.NoError)
            return error;
        var writable = FindWritable(new AdsRange(indexGroup, indexOffset, (uint)data.Length));
        if (writable is null || !writable.Owner.IsPublished)
            return AdsErrorCode.DeviceAccessDenied;
        path = writable.Path;
        if (writable.Validator is { } validator)
        {
            var verdict = validator(new AdsSymbolWrite(writable.Path, writable.Type, sender, (int)(indexOffset - writable.Range.Offset), data));
            if (verdict != AdsErrorCode.NoError)
                return verdict;
        }
        if (area.Write((int)indexOffset, data.Span))
            RaiseChanged(new AdsRange(indexGroup, indexOffset, (uint)data.Length));
        return AdsErrorCode.NoError;
    }

    internal void RaiseChanged(AdsRange range) => Changed?.Invoke(range);

    private AdsSymbolEntry EntryFor(string name, PlcType type, AdsRange range, string? comment) =>
        PlcTypeEntries.ForSymbol(name, type, range.IndexGroup, range.Offset,
            FindWritable(range) is null ? AdsSymbolFlags.ReadOnly : AdsSymbolFlags.None, comment);

    private WritableRange? FindWritable(AdsRange range)
    {
        foreach (var writable in _writable)
        {
            if (writable.Range.Contains(range))
                return writable;
        }
        return null;
    }

    // Adds the type and all types inside it; true when something new was added. Caller holds _gate.
    private bool AddType(PlcType type)
    {
        if (_types.TryGetValue(type.Name, out var known))
        {
            if (!SameLayout(known, type))
                throw new ArgumentException($"a different type called {type.Name} is already registered");
            return false;
        }
        switch (type)
        {
            case PlcStructType s:
                foreach (var member in s.Members)
                    AddType(member.Type);
                break;
            case PlcArrayType a:
                AddType(a.ElementType);
                break;
        }
        _types.Add(type.Name, type);
        _typeOrder.Add(type);
        return true;
    }

    // Names of non-STRUCT types spell out their layout; STRUCTs must match member by member.
    private static bool SameLayout(PlcType a, PlcType b) =>
        ReferenceEquals(a, b)
        || (a is not PlcStructType && b is not PlcStructType && a.Size == b.Size)
        || (a is PlcStructType sa && b is PlcStructType sb && sa.Size == sb.Size
            && sa.Members.Select(m => (m.Name, m.Type.Name, m.Offset)).SequenceEqual(sb.Members.Select(m => (m.Name, m.Type.Name, m.Offset))));

    private void Invalidate() => _uploads = null;

    // Raised outside _gate: handlers take their own locks and may read uploads, which takes _gate.
    private void RaiseVersionChanged() => RaiseChanged(new AdsRange(AdsIndexGroup.SymbolVersion, 0, 1));
}

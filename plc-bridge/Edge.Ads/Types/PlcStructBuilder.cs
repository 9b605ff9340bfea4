namespace Edge.Ads.Types;

/// <summary>
/// Declares a STRUCT member by member and lays it out as TwinCAT 3 does by default (pack mode 8):
/// each member starts at the next multiple of min(its alignment, pack mode); the STRUCT's alignment
/// is the largest such member alignment and its size is padded up to a multiple of it, so arrays of
/// it keep every element aligned. The same rule as C compilers with <c>#pragma pack(8)</c>.
/// </summary>
public sealed class PlcStructBuilder
{
    private readonly string _name;
    private readonly string? _comment;
    private readonly int _packMode;
    private readonly List<(string Name, PlcType Type, string? Comment)> _members = [];

    /// <param name="name">DUT name, an IEC identifier such as <c>ST_BoardMetrics</c>.</param>
    /// <param name="comment">Shown to clients and written into the DUT.</param>
    /// <param name="packMode">1, 2, 4 or 8 (<c>{attribute 'pack_mode'}</c>); 8 is the default.</param>
    public PlcStructBuilder(string name, string? comment = null, int packMode = 8)
    {
        PlcIdentifier.Validate(name, "STRUCT name");
        if (packMode is not (1 or 2 or 4 or 8))
            throw new ArgumentOutOfRangeException(nameof(packMode), $"pack mode {packMode}: TwinCAT takes 1, 2, 4 or 8");
        _name = name;
        _comment = comment;
        _packMode = packMode;
    }

    public PlcStructBuilder Add(string name, PlcType type, string? comment = null)
    {
        PlcIdentifier.Validate(name, $"member name in {_name}");
        if (_members.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"{_name} already has a member '{name}' (names ignore case)", nameof(name));
        _members.Add((name, type, comment));
        return this;
    }

    public PlcStructType Build()
    {
        if (_members.Count == 0)
            throw new InvalidOperationException($"{_name} has no members");
        var members = new List<PlcStructMember>(_members.Count);
        int offset = 0;
        int structAlignment = 1;
        foreach (var (name, type, comment) in _members)
        {
            int alignment = Math.Min(type.Alignment, _packMode);
            offset = AlignUp(offset, alignment);
            members.Add(new PlcStructMember(name, type, offset, comment));
            offset = checked(offset + type.Size);
            structAlignment = Math.Max(structAlignment, alignment);
        }
        return new PlcStructType(_name, members, AlignUp(offset, structAlignment), structAlignment, _packMode, _comment);
    }

    private static int AlignUp(int value, int alignment) => checked((value + alignment - 1) / alignment * alignment);
}

using Edge.Ads.Protocol;

namespace Edge.Ads.Types;

/// <summary>A STRUCT (a DUT in TwinCAT); built by <see cref="PlcStructBuilder"/>, which lays it out.</summary>
public sealed class PlcStructType : PlcType
{
    private readonly Dictionary<string, PlcStructMember> _byName;

    internal PlcStructType(string name, IReadOnlyList<PlcStructMember> members, int size, int alignment, int packMode, string? comment)
        : base(name, size, alignment, AdsDataTypeId.BigType)
    {
        Members = members;
        PackMode = packMode;
        Comment = comment;
        _byName = members.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Members in declaration order.</summary>
    public IReadOnlyList<PlcStructMember> Members { get; }

    /// <summary>The pack mode it was laid out with; 8 is TwinCAT 3's default.</summary>
    public int PackMode { get; }

    public string? Comment { get; }

    /// <summary>The member called <paramref name="name"/>, ignoring case as TwinCAT does.</summary>
    public PlcStructMember? FindMember(string name) => _byName.GetValueOrDefault(name);
}

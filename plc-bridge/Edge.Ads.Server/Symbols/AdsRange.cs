namespace Edge.Ads.Server.Symbols;

/// <summary>Bytes <c>[Offset, Offset + Length)</c> of one index group.</summary>
public readonly record struct AdsRange(uint IndexGroup, uint Offset, uint Length)
{
    public ulong End => (ulong)Offset + Length;

    public bool Overlaps(AdsRange other) =>
        IndexGroup == other.IndexGroup && Offset < other.End && other.Offset < End;

    public bool Contains(AdsRange other) =>
        IndexGroup == other.IndexGroup && Offset <= other.Offset && other.End <= End;
}

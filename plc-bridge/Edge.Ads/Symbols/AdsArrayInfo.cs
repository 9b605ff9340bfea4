namespace Edge.Ads.Symbols;

/// <summary>One array dimension in an entry: <c>i32 lowerBound, u32 elements</c>.</summary>
public readonly record struct AdsArrayInfo(int LowerBound, uint Elements)
{
    public const int Size = 4 + 4;
}

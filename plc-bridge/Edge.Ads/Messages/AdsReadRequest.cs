namespace Edge.Ads.Messages;

/// <summary>ADS Read: <c>u32 indexGroup, u32 indexOffset, u32 length</c>.</summary>
public readonly record struct AdsReadRequest(uint IndexGroup, uint IndexOffset, uint Length)
{
    public const int Size = 4 + 4 + 4;
}

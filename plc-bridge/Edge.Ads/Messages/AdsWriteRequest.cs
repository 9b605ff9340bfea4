namespace Edge.Ads.Messages;

/// <summary>ADS Write: <c>u32 indexGroup, u32 indexOffset, u32 length, data[length]</c>.</summary>
public readonly record struct AdsWriteRequest(uint IndexGroup, uint IndexOffset, ReadOnlyMemory<byte> Data)
{
    /// <summary>Bytes before the data.</summary>
    public const int HeaderSize = 4 + 4 + 4;
}

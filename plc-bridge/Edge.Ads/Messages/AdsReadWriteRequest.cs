namespace Edge.Ads.Messages;

/// <summary>
/// ADS ReadWrite: <c>u32 indexGroup, u32 indexOffset, u32 readLength, u32 writeLength, data[writeLength]</c>.
/// By-name services use readLength 0xFFFFFFFF for "whatever size the answer has".
/// </summary>
public readonly record struct AdsReadWriteRequest(uint IndexGroup, uint IndexOffset, uint ReadLength, ReadOnlyMemory<byte> WriteData)
{
    /// <summary>Bytes before the write data.</summary>
    public const int HeaderSize = 4 + 4 + 4 + 4;
}

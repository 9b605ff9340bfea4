using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>ADS WriteControl: <c>u16 adsState, u16 deviceState, u32 length, data[length]</c>.</summary>
public readonly record struct AdsWriteControlRequest(AdsState AdsState, ushort DeviceState, ReadOnlyMemory<byte> Data)
{
    /// <summary>Bytes before the data.</summary>
    public const int HeaderSize = 2 + 2 + 4;
}

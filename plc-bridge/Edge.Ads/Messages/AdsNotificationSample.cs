namespace Edge.Ads.Messages;

/// <summary>One sample of a device notification: <c>u32 handle, u32 size, data[size]</c>.</summary>
public readonly record struct AdsNotificationSample(uint NotificationHandle, ReadOnlyMemory<byte> Data)
{
    /// <summary>Bytes before the data.</summary>
    public const int HeaderSize = 4 + 4;
}

using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>
/// ADS AddDeviceNotification: <c>u32 indexGroup, u32 indexOffset, u32 length, u32 transMode,
/// u32 maxDelay, u32 cycleTime, 16 reserved bytes</c>. Delay and cycle are in 100 ns units
/// (AdsLib AdsNotificationAttrib; ads-client sends ms x 10 000), the unit of <see cref="TimeSpan.Ticks"/>.
/// </summary>
public readonly record struct AdsAddNotificationRequest(
    uint IndexGroup,
    uint IndexOffset,
    uint Length,
    AdsTransMode TransMode,
    uint MaxDelay,
    uint CycleTime)
{
    public const int Size = 4 + 4 + 4 + 4 + 4 + 4 + 16;

    /// <summary>Latest a sample may wait before it is sent.</summary>
    public TimeSpan MaxDelayTime => TimeSpan.FromTicks(MaxDelay);

    /// <summary>How often the server samples.</summary>
    public TimeSpan Cycle => TimeSpan.FromTicks(CycleTime);
}

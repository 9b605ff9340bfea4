namespace Edge.Ads.Messages;

/// <summary>ADS DeleteDeviceNotification: <c>u32 notificationHandle</c>.</summary>
public readonly record struct AdsDeleteNotificationRequest(uint NotificationHandle)
{
    public const int Size = 4;
}

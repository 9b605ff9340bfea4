using Edge.Ads.Ams;
using Edge.Ads.Messages;

namespace Edge.Ads.Client;

/// <summary>A DeviceNotification frame as received: who sent it and its stamps.</summary>
public sealed record AdsReceivedNotification(AmsHeader Header, IReadOnlyList<AdsNotificationStamp> Stamps);

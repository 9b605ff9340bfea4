using Edge.Ads.Messages;

namespace Edge.Ads.Server.Notifications;

/// <summary>A sample taken and waiting to be sent, at the latest at <see cref="Deadline"/> (its max delay).</summary>
internal readonly record struct QueuedSample(Notification Notification, long FileTime, byte[] Data, long Deadline)
{
    /// <summary>Bytes it takes in a notification stream, with a stamp header of its own at worst.</summary>
    public int EncodedSize => AdsNotificationStamp.HeaderSize + AdsNotificationSample.HeaderSize + Data.Length;
}

using System.Net;

namespace Edge.Ads.Server;

/// <summary>One open connection as <see cref="AdsServer.Connections"/> sees it: what it holds and how much waits for it.</summary>
/// <param name="QueuedBytes">Answers and notification frames waiting in its outbox (bounded by <see cref="AdsServerOptions.MaxQueuedBytesPerConnection"/>).</param>
/// <param name="QueuedSampleBytes">Notification samples waiting for their max delay (at most one frame).</param>
/// <param name="NotificationsDropped">Notification samples of this connection dropped because its outbox was full.</param>
/// <param name="PartialFrameBytes">Bytes of a frame received so far without the rest.</param>
public sealed record AdsConnectionInfo(
    long Id,
    IPEndPoint? Peer,
    int Notifications,
    long NotificationBytes,
    int Handles,
    long QueuedBytes,
    long QueuedSampleBytes,
    long NotificationsDropped,
    long PartialFrameBytes);

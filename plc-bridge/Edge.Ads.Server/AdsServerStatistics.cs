namespace Edge.Ads.Server;

/// <summary>Counters since start, for logs and metrics endpoints.</summary>
public sealed record AdsServerStatistics(
    int ActiveConnections,
    long ConnectionsAccepted,
    long ConnectionsRejected,
    long FramesReceived,
    long ErrorReplies,
    long ProtocolViolations,
    long NotificationsSent,
    long NotificationsDropped);

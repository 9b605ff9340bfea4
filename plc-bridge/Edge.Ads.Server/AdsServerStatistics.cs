namespace Edge.Ads.Server;

/// <summary>Counters since start, for logs and metrics endpoints (<see cref="AdsServer.Statistics"/>).</summary>
/// <param name="NotificationsSent">Notification samples sent (one per handle and stamp; several share a frame).</param>
/// <param name="NotificationsDropped">Notification samples dropped because their peer did not read and its queue was full.</param>
/// <param name="ConnectionsTimedOut">Connections closed by the idle, request or send timeout.</param>
/// <param name="LimitRefusals">Requests refused because a per-connection limit was reached (handles, notifications, their bytes).</param>
/// <param name="AcceptFailures">Failed accepts (out of file descriptors, for instance), each followed by a pause.</param>
/// <param name="LogLinesSuppressed">Repeated log lines counted instead of written (summarised per window).</param>
/// <param name="QueuedBytes">Bytes now waiting in every connection's outbox.</param>
public sealed record AdsServerStatistics(
    int ActiveConnections,
    long ConnectionsAccepted,
    long ConnectionsRejected,
    long FramesReceived,
    long ErrorReplies,
    long ProtocolViolations,
    long NotificationsSent,
    long NotificationsDropped,
    long ConnectionsTimedOut,
    long LimitRefusals,
    long AcceptFailures,
    long LogLinesSuppressed,
    long QueuedBytes);

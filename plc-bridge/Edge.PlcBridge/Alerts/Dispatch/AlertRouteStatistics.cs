namespace Edge.PlcBridge.Alerts.Dispatch;

/// <summary>What one route did since the bridge started.</summary>
/// <param name="Accepted">Events taken into its queue.</param>
/// <param name="Delivered">Events the receiver took.</param>
/// <param name="DeadLettered">Events given up (all attempts failed, refused for good, or the bridge stopped first) and written to the dead-letter folder.</param>
/// <param name="Dropped">Events refused because the queue was full (never queued, not dead-lettered).</param>
/// <param name="FailedAttempts">Attempts that failed (each retry counts).</param>
/// <param name="Pending">Events queued or being delivered now.</param>
public sealed record AlertRouteStatistics(string Route, long Accepted, long Delivered, long DeadLettered, long Dropped, long FailedAttempts, long Pending);

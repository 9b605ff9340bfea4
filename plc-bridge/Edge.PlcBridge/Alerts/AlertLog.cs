using Edge.Ads.Server.Logging;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Alerts;

/// <summary>
/// Every message the alert routes log (source-generated). Per-event lines that a flood could repeat
/// (drops, failed attempts) go through the bridge's throttle (<see cref="LogThrottle"/>: a few lines per
/// window, then a summary), as the bridge's own repeated events do.
/// </summary>
internal static partial class AlertLog
{
    public static void Dropped(ILogger logger, string route, string id)
    {
        if (Allow(logger, $"alerts to {route}: queue full", LogLevel.Warning, id))
            LogDropped(logger, route, id);
    }

    public static void AttemptFailed(ILogger logger, string route, string id, string error)
    {
        if (Allow(logger, $"alerts to {route}: failed attempts", LogLevel.Warning, $"{id}: {error}"))
            LogAttemptFailed(logger, route, id, error);
    }

    private static bool Allow(ILogger logger, string kind, LogLevel level, string detail) => BridgeLog.Allow(logger, kind, level, detail);

    [LoggerMessage(201, LogLevel.Information, "alert {Id}: {Message}")]
    public static partial void Detected(ILogger logger, string id, string message);

    [LoggerMessage(202, LogLevel.Debug, "alert {Id} delivered to {Route} (attempt {Attempts})")]
    public static partial void Delivered(ILogger logger, string route, string id, int attempts);

    [LoggerMessage(203, LogLevel.Warning, "alert {Id} to {Route}: attempt failed: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string route, string id, string error);

    [LoggerMessage(204, LogLevel.Warning, "alert {Id} not delivered to {Route} after {Attempts} attempt(s) ({Error}); kept in {Path}")]
    public static partial void DeadLettered(ILogger logger, string route, string id, int attempts, string error, string path);

    [LoggerMessage(205, LogLevel.Error, "alert {Id} not delivered to {Route} ({Error}) and its dead letter could not be written ({WriteError}); the event: {Json}")]
    public static partial void DeadLetterFailed(ILogger logger, string route, string id, string error, string writeError, string json);

    [LoggerMessage(206, LogLevel.Warning, "alert {Id} dropped for {Route}: its queue is full (see edge_alert_deliveries_total{{result=\"dropped\"}})")]
    private static partial void LogDropped(ILogger logger, string route, string id);

    [LoggerMessage(207, LogLevel.Warning, "the alert state file {Path} cannot be read ({Problem}); starting without it, so states it held may be sent again")]
    public static partial void StateFileUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(208, LogLevel.Error, "the alert state file {Path} cannot be written ({Problem}); a restart may send states again")]
    public static partial void StateFileUnwritable(ILogger logger, string path, string problem);

    [LoggerMessage(209, LogLevel.Warning, "the drift profile {Path} cannot be read for alert thresholds ({Problem}); alerts leave its thresholds out")]
    public static partial void ProfileUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(210, LogLevel.Warning, "closing alert route {Route} failed: {Problem}")]
    public static partial void RouteDisposeFailed(ILogger logger, string route, string problem);

    [LoggerMessage(211, LogLevel.Information, "alerts: {Routes} route(s) ({Names}); state in {StateFile}, dead letters in {DeadLetters}")]
    public static partial void Started(ILogger logger, int routes, string names, string stateFile, string deadLetters);
}

using System.Runtime.CompilerServices;
using Edge.Ads.Server;
using Edge.Ads.Server.Logging;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge;

/// <summary>
/// Every message the bridge service logs, in one place (source-generated). Events that can repeat
/// without end (a flapping board, a PLC acknowledging in a loop, a feed failing again and again)
/// go through the ADS server's <see cref="LogThrottle"/> mechanism, one throttle per logger, per
/// board and kind of event: a few full lines per window and a summary of the rest.
/// </summary>
internal static partial class BridgeLog
{
    private static readonly ConditionalWeakTable<ILogger, LogThrottle> Throttles = new();

    public static void Starting(ILogger logger, int boards, string names, uint indexGroup, int size) => LogStarting(logger, boards, names, indexGroup, size);

    public static void BoardOnline(ILogger logger, string board)
    {
        if (Allow(logger, $"{board}: online/offline changes", LogLevel.Information, "online"))
            LogBoardOnline(logger, board);
    }

    public static void BoardOffline(ILogger logger, string board, string reason)
    {
        if (Allow(logger, $"{board}: online/offline changes", LogLevel.Warning, $"offline ({reason})"))
            LogBoardOffline(logger, board, reason);
    }

    public static void BoardError(ILogger logger, string board, string error)
    {
        if (Allow(logger, $"{board}: errors", LogLevel.Warning, error))
            LogBoardError(logger, board, error);
    }

    public static void FeedFailed(ILogger logger, string board, TimeSpan delay, string reason, Exception? exception)
    {
        if (Allow(logger, $"{board}: feed failures", LogLevel.Warning, reason))
            LogFeedFailed(logger, board, delay, reason, exception);
    }

    public static void AcknowledgeForwarded(ILogger logger, string board)
    {
        if (Allow(logger, $"{board}: alarm acknowledges forwarded", LogLevel.Information, "forwarded"))
            LogAcknowledgeForwarded(logger, board);
    }

    public static void AcknowledgeFailed(ILogger logger, string board, string reason, Exception? exception)
    {
        if (Allow(logger, $"{board}: alarm acknowledges not delivered", LogLevel.Warning, reason))
            LogAcknowledgeFailed(logger, board, reason, exception);
    }

    public static void FeaturesTruncated(ILogger logger, string board, int count, int slots) => LogFeaturesTruncated(logger, board, count, slots);

    public static void FeedDisposeFailed(ILogger logger, string board, string reason) => LogFeedDisposeFailed(logger, board, reason);

    public static void PrometheusStarted(ILogger logger, Uri url) => LogPrometheusStarted(logger, url);

    public static void Stopped(ILogger logger) => LogStopped(logger);

    public static void PublishFailed(ILogger logger, string board, Exception exception)
    {
        if (Allow(logger, $"{board}: snapshots that failed to publish", LogLevel.Error, $"{exception.GetType().Name}: {exception.Message}"))
            LogPublishFailed(logger, board, exception);
    }

    /// <summary>The throttle for <paramref name="logger"/> counts its windows on <paramref name="time"/> (the service's clock; the system's unless set).</summary>
    internal static void UseClock(ILogger logger, TimeProvider time)
    {
        if (time != TimeProvider.System)
            Throttles.TryAdd(logger, new LogThrottle(logger, time, AdsServer.LogWindow, AdsServer.LogBurst));
    }

    /// <summary>Whether a repeatable event may be logged now (one throttle per logger; the alert routes use it too).</summary>
    internal static bool Allow(ILogger logger, string kind, LogLevel level, string detail) =>
        Throttles.GetValue(logger, l => new LogThrottle(l, TimeProvider.System, AdsServer.LogWindow, AdsServer.LogBurst)).Allow(kind, level, detail);

    [LoggerMessage(101, LogLevel.Information, "bridging {Boards} board(s): {Names}; memory map group 0x{IndexGroup:X}, {Size} bytes per board")]
    private static partial void LogStarting(ILogger logger, int boards, string names, uint indexGroup, int size);

    [LoggerMessage(102, LogLevel.Information, "{Board}: telemetry flowing (online)")]
    private static partial void LogBoardOnline(ILogger logger, string board);

    [LoggerMessage(103, LogLevel.Warning, "{Board}: offline ({Reason})")]
    private static partial void LogBoardOffline(ILogger logger, string board, string reason);

    [LoggerMessage(112, LogLevel.Warning, "{Board}: {Error}")]
    private static partial void LogBoardError(ILogger logger, string board, string error);

    [LoggerMessage(104, LogLevel.Warning, "{Board}: feed failed, retrying in {Delay}: {Reason}")]
    private static partial void LogFeedFailed(ILogger logger, string board, TimeSpan delay, string reason, Exception? exception);

    [LoggerMessage(105, LogLevel.Information, "{Board}: alarm acknowledge from the PLC forwarded to the board")]
    private static partial void LogAcknowledgeForwarded(ILogger logger, string board);

    [LoggerMessage(106, LogLevel.Warning, "{Board}: alarm acknowledge from the PLC not delivered: {Reason}")]
    private static partial void LogAcknowledgeFailed(ILogger logger, string board, string reason, Exception? exception);

    [LoggerMessage(107, LogLevel.Warning, "{Board}: the board reports {Count} features; the STRUCT holds the first {Slots} (features in the configuration)")]
    private static partial void LogFeaturesTruncated(ILogger logger, string board, int count, int slots);

    [LoggerMessage(108, LogLevel.Warning, "{Board}: closing its feed failed: {Reason}")]
    private static partial void LogFeedDisposeFailed(ILogger logger, string board, string reason);

    [LoggerMessage(113, LogLevel.Information, "{Board}: retraining capture of {Rows} row(s), frozen at window {Window}, stored in {Path}")]
    public static partial void CaptureStored(ILogger logger, string board, int rows, long window, string path);

    [LoggerMessage(109, LogLevel.Information, "Prometheus metrics at {Url}")]
    private static partial void LogPrometheusStarted(ILogger logger, Uri url);

    [LoggerMessage(110, LogLevel.Information, "bridge stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(111, LogLevel.Error, "{Board}: publishing a snapshot failed; the previous values stay")]
    private static partial void LogPublishFailed(ILogger logger, string board, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge;

/// <summary>Every message the bridge service logs, in one place (source-generated).</summary>
internal static partial class BridgeLog
{
    [LoggerMessage(101, LogLevel.Information, "bridging {Boards} board(s): {Names}; memory map group 0x{IndexGroup:X}, {Size} bytes per board")]
    public static partial void Starting(ILogger logger, int boards, string names, uint indexGroup, int size);

    [LoggerMessage(102, LogLevel.Information, "{Board}: telemetry flowing (online)")]
    public static partial void BoardOnline(ILogger logger, string board);

    [LoggerMessage(103, LogLevel.Warning, "{Board}: offline ({Reason})")]
    public static partial void BoardOffline(ILogger logger, string board, string reason);

    [LoggerMessage(112, LogLevel.Warning, "{Board}: {Error}")]
    public static partial void BoardError(ILogger logger, string board, string error);

    [LoggerMessage(104, LogLevel.Warning, "{Board}: feed failed, retrying in {Delay}: {Reason}")]
    public static partial void FeedFailed(ILogger logger, string board, TimeSpan delay, string reason, Exception? exception);

    [LoggerMessage(105, LogLevel.Information, "{Board}: alarm acknowledge from the PLC forwarded to the board")]
    public static partial void AcknowledgeForwarded(ILogger logger, string board);

    [LoggerMessage(106, LogLevel.Warning, "{Board}: alarm acknowledge from the PLC not delivered: {Reason}")]
    public static partial void AcknowledgeFailed(ILogger logger, string board, string reason, Exception? exception);

    [LoggerMessage(107, LogLevel.Warning, "{Board}: the board reports {Count} features; the STRUCT holds the first {Slots} (features in the configuration)")]
    public static partial void FeaturesTruncated(ILogger logger, string board, int count, int slots);

    [LoggerMessage(108, LogLevel.Warning, "{Board}: closing its feed failed: {Reason}")]
    public static partial void FeedDisposeFailed(ILogger logger, string board, string reason);

    [LoggerMessage(113, LogLevel.Information, "{Board}: retraining capture of {Rows} row(s), frozen at window {Window}, stored in {Path}")]
    public static partial void CaptureStored(ILogger logger, string board, int rows, long window, string path);

    [LoggerMessage(109, LogLevel.Information, "Prometheus metrics at {Url}")]
    public static partial void PrometheusStarted(ILogger logger, Uri url);

    [LoggerMessage(110, LogLevel.Information, "bridge stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(111, LogLevel.Error, "{Board}: publishing a snapshot failed; the previous values stay")]
    public static partial void PublishFailed(ILogger logger, string board, Exception exception);
}

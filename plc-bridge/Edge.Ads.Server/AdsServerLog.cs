using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Logging;
using Edge.Ads.Server.Transport;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Server;

/// <summary>
/// Every message the server logs, in one place (source-generated, no allocation when disabled).
/// Events a peer can repeat at will go through the server's <see cref="LogThrottle"/>: a flood
/// becomes a few lines and a summary per window, never a line per event.
/// </summary>
internal sealed partial class AdsServerLog(ILogger logger, LogThrottle throttle)
{
    public ILogger Logger { get; } = logger;

    public LogThrottle Throttle { get; } = throttle;

    public void Started(EndPoint endPoint, AmsNetId netId, ushort adsPort) => LogStarted(Logger, endPoint, netId, adsPort);

    public void Stopped() => LogStopped(Logger);

    public void StateChanged(AdsState adsState, ushort deviceState, string source)
    {
        if (source == ApplicationSource || Allow("ADS state changes by clients", LogLevel.Information, $"{source} set {adsState}"))
            LogStateChanged(Logger, adsState, deviceState, source);
    }

    public const string ApplicationSource = "application";

    public void ConnectionAccepted(long connectionId, EndPoint? peer)
    {
        if (Logger.IsEnabled(LogLevel.Debug) && Allow("connections accepted", LogLevel.Debug, $"connection {connectionId} from {peer}"))
            LogConnectionAccepted(Logger, connectionId, peer);
    }

    /// <param name="kind">Why, in a few words that do not depend on the peer ("not in allowed-peers"): the refusals of a flood are summarised per kind.</param>
    public void ConnectionRefused(EndPoint? peer, string kind, string reason)
    {
        if (Allow($"connections refused ({kind})", LogLevel.Warning, $"{peer}: {reason}"))
            LogConnectionRejected(Logger, peer, reason);
    }

    public void ConnectionClosed(long connectionId, EndPoint? peer, string reason, long samplesDropped)
    {
        if (Logger.IsEnabled(LogLevel.Debug) && Allow("connections closed", LogLevel.Debug, $"connection {connectionId} from {peer}: {reason}"))
            LogConnectionClosed(Logger, connectionId, peer, reason, samplesDropped);
    }

    public void ProtocolViolation(long connectionId, EndPoint? peer, string reason)
    {
        if (Allow("connections dropped for protocol violations", LogLevel.Warning, $"connection {connectionId} from {peer}: {reason}"))
            LogProtocolViolation(Logger, connectionId, peer, reason);
    }

    public void TimedOut(long connectionId, EndPoint? peer, ConnectionTimeout timeout, string reason)
    {
        var level = timeout == ConnectionTimeout.Idle ? LogLevel.Information : LogLevel.Warning;
        if (Allow($"connections closed by the {timeout.ToString().ToLowerInvariant()} timeout", level, $"connection {connectionId} from {peer}: {reason}"))
            LogTimedOut(Logger, level, connectionId, peer, reason);
    }

    public void ErrorReply(AmsAddress peer, AdsCommandId command, AmsAddress target, AdsErrorCode error)
    {
        if (Logger.IsEnabled(LogLevel.Debug) && Allow("error answers", LogLevel.Debug, $"{peer}: {command} answered {AdsErrorText.Describe(error)}"))
            LogErrorReply(Logger, peer, command.ToString(), target, AdsErrorText.Describe(error));
    }

    public void LimitReached(long connectionId, EndPoint? peer, string limit, AdsErrorCode answer)
    {
        if (Allow("requests refused by a per-connection limit", LogLevel.Warning, $"connection {connectionId} from {peer}: {limit}"))
            LogLimitReached(Logger, connectionId, peer, limit, AdsErrorText.Describe(answer));
    }

    public void NotificationsDropped(long connectionId, EndPoint? peer, int samples, long droppedOnConnection, long queueLimit)
    {
        if (Allow($"notification samples dropped on connection {connectionId}", LogLevel.Warning,
                $"{samples} more, {droppedOnConnection} on this connection so far"))
            LogNotificationsDropped(Logger, connectionId, peer, samples, droppedOnConnection, queueLimit);
    }

    public void ClientWrite(AmsAddress peer, int length, string path)
    {
        if (Allow("client writes", LogLevel.Information, $"{peer} wrote {length} bytes to {path}"))
            LogClientWrite(Logger, peer, length, path);
    }

    public void HandlerFailed(Exception exception, long connectionId, string command)
    {
        if (Allow("request handlers that failed", LogLevel.Error, $"connection {connectionId}, {command}: {exception.GetType().Name}: {exception.Message}"))
            LogHandlerFailed(Logger, exception, connectionId, command);
    }

    public void AcceptFailed(string error, TimeSpan retryIn, int openConnections)
    {
        if (Allow("accepting connections failed", LogLevel.Warning, error))
            LogAcceptFailed(Logger, error, retryIn.TotalMilliseconds, openConnections);
    }

    public void AcceptRecovered(long failures) => LogAcceptRecovered(Logger, failures);

    private bool Allow(string kind, LogLevel level, string detail) => Throttle.Allow(kind, level, detail);

    [LoggerMessage(1, LogLevel.Information, "ADS server listening on {EndPoint} as {NetId}, device port {AdsPort}")]
    private static partial void LogStarted(ILogger logger, EndPoint endPoint, AmsNetId netId, ushort adsPort);

    [LoggerMessage(2, LogLevel.Information, "ADS server stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "connection {ConnectionId} from {Peer} accepted")]
    private static partial void LogConnectionAccepted(ILogger logger, long connectionId, EndPoint? peer);

    [LoggerMessage(4, LogLevel.Warning, "connection from {Peer} refused: {Reason}")]
    private static partial void LogConnectionRejected(ILogger logger, EndPoint? peer, string reason);

    [LoggerMessage(5, LogLevel.Debug, "connection {ConnectionId} from {Peer} closed: {Reason} ({SamplesDropped} notification samples dropped on it)")]
    private static partial void LogConnectionClosed(ILogger logger, long connectionId, EndPoint? peer, string reason, long samplesDropped);

    [LoggerMessage(6, LogLevel.Warning, "connection {ConnectionId} from {Peer} dropped: {Reason}")]
    private static partial void LogProtocolViolation(ILogger logger, long connectionId, EndPoint? peer, string reason);

    [LoggerMessage(7, LogLevel.Debug, "{Peer}: {Command} to {Target} answered {Error}")]
    private static partial void LogErrorReply(ILogger logger, AmsAddress peer, string command, AmsAddress target, string error);

    [LoggerMessage(8, LogLevel.Warning, "connection {ConnectionId} from {Peer}: {Samples} notification samples dropped ({Dropped} on this connection so far): the peer does not read, and {QueueLimit} bytes wait for it already")]
    private static partial void LogNotificationsDropped(ILogger logger, long connectionId, EndPoint? peer, int samples, long dropped, long queueLimit);

    [LoggerMessage(9, LogLevel.Information, "{Peer} wrote {Length} bytes to {Path}")]
    private static partial void LogClientWrite(ILogger logger, AmsAddress peer, int length, string path);

    [LoggerMessage(10, LogLevel.Error, "connection {ConnectionId}: handling {Command} failed; answered 'device error'")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, long connectionId, string command);

    [LoggerMessage(11, LogLevel.Information, "ADS state set to {AdsState} (device state {DeviceState}) by {Source}")]
    private static partial void LogStateChanged(ILogger logger, AdsState adsState, ushort deviceState, string source);

    [LoggerMessage(EventId = 12, Message = "connection {ConnectionId} from {Peer} closed: {Reason}")]
    private static partial void LogTimedOut(ILogger logger, LogLevel level, long connectionId, EndPoint? peer, string reason);

    [LoggerMessage(13, LogLevel.Warning, "connection {ConnectionId} from {Peer}: {Limit}; answered {Answer}")]
    private static partial void LogLimitReached(ILogger logger, long connectionId, EndPoint? peer, string limit, string answer);

    [LoggerMessage(14, LogLevel.Warning, "accepting connections failed: {Error}; retrying in {RetryMilliseconds} ms ({OpenConnections} connections open)")]
    private static partial void LogAcceptFailed(ILogger logger, string error, double retryMilliseconds, int openConnections);

    [LoggerMessage(15, LogLevel.Information, "accepting connections again after {Failures} failed attempts")]
    private static partial void LogAcceptRecovered(ILogger logger, long failures);
}

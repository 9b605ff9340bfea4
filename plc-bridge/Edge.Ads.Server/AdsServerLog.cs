using System.Net;
using Edge.Ads.Ams;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Server;

/// <summary>Every message the server logs, in one place (source-generated, no allocation when disabled).</summary>
internal static partial class AdsServerLog
{
    [LoggerMessage(1, LogLevel.Information, "ADS server listening on {EndPoint} as {NetId}, device port {AdsPort}")]
    public static partial void Started(ILogger logger, EndPoint endPoint, AmsNetId netId, ushort adsPort);

    [LoggerMessage(2, LogLevel.Information, "ADS server stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "connection {ConnectionId} from {Peer} accepted")]
    public static partial void ConnectionAccepted(ILogger logger, long connectionId, EndPoint? peer);

    [LoggerMessage(4, LogLevel.Warning, "connection from {Peer} refused: {Reason}")]
    public static partial void ConnectionRejected(ILogger logger, EndPoint? peer, string reason);

    [LoggerMessage(5, LogLevel.Debug, "connection {ConnectionId} from {Peer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, EndPoint? peer, string reason);

    [LoggerMessage(6, LogLevel.Warning, "connection {ConnectionId} from {Peer} dropped: {Reason}")]
    public static partial void ProtocolViolation(ILogger logger, long connectionId, EndPoint? peer, string reason);

    [LoggerMessage(7, LogLevel.Debug, "{Peer}: {Command} to {Target} answered {Error}")]
    public static partial void ErrorReply(ILogger logger, AmsAddress peer, string command, AmsAddress target, string error);

    [LoggerMessage(8, LogLevel.Warning, "connection {ConnectionId}: {Dropped} notifications dropped so far, the peer does not read fast enough")]
    public static partial void NotificationsDropped(ILogger logger, long connectionId, long dropped);

    [LoggerMessage(9, LogLevel.Information, "{Peer} wrote {Length} bytes to {Path}")]
    public static partial void ClientWrite(ILogger logger, AmsAddress peer, int length, string path);

    [LoggerMessage(10, LogLevel.Error, "connection {ConnectionId}: handling {Command} failed; answered 'device error'")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long connectionId, string command);

    [LoggerMessage(11, LogLevel.Information, "ADS state set to {AdsState} (device state {DeviceState}) by {Source}")]
    public static partial void StateChanged(ILogger logger, Protocol.AdsState adsState, ushort deviceState, string source);
}

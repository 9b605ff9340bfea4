using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Notifications;

namespace Edge.Ads.Server.Sessions;

/// <summary>What the server keeps per connection: its handles, its notifications, and the AMS address port-connect gave it.</summary>
internal sealed class AdsSession(long connectionId, EndPoint? peer, int maxHandles, AdsServerCounters counters, AdsServerLog log)
{
    public long ConnectionId { get; } = connectionId;

    public EndPoint? Peer { get; } = peer;

    public HandleTable Handles { get; } = new(maxHandles);

    /// <summary>Set once the connection exists; it needs the session for its sampling context.</summary>
    public NotificationScheduler Notifications { get; set; } = null!;

    /// <summary>The address handed out by AMS/TCP port connect, if the client asked for one.</summary>
    public AmsAddress? AssignedAddress { get; set; }

    /// <summary>A request refused because this connection reached a limit: counted, logged (throttled), answered with <paramref name="answer"/>.</summary>
    public AdsErrorCode RefuseByLimit(string limit, AdsErrorCode answer)
    {
        counters.LimitRefused();
        log.LimitReached(ConnectionId, Peer, limit, answer);
        return answer;
    }
}

using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Messages;

namespace Edge.Ads.Server;

/// <summary>
/// Where the server listens, who it is on the AMS network, who may talk to it and how much each
/// peer may take. Defaults are safe: loopback only, read-only, bounded.
/// </summary>
public sealed class AdsServerOptions
{
    /// <summary>Interface to listen on. Loopback by default; set the PLC-facing address to serve a PLC.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>TCP port; PLC routers dial 48898. 0 picks a free port (tests); see <see cref="AdsServer.LocalEndPoint"/>.</summary>
    public int TcpPort { get; set; } = AmsPort.TcpPort;

    /// <summary>This server's AMS net id; requests to it or to 127.0.0.1.1.1 are answered.</summary>
    public AmsNetId NetId { get; set; } = AmsNetId.Local;

    /// <summary>AMS port of the ADS device serving the symbols (customer range; 851 to look like PLC runtime 1).</summary>
    public ushort AdsPort { get; set; } = AmsPort.CustomerFirst;

    /// <summary>What ReadDeviceInfo answers.</summary>
    public AdsDeviceInfo DeviceInfo { get; set; } = new(1, 0, 1, "Edge ADS");

    /// <summary>Peer addresses or networks allowed to connect; empty allows any (the default, with loopback binding).</summary>
    public IList<IPNetwork> AllowedPeers { get; } = new List<IPNetwork>();

    /// <summary>
    /// AMS net ids allowed as request source; empty allows any. A frame from another source closes
    /// the connection. Port connect (<see cref="AllowPortConnect"/>) hands out <see cref="NetId"/>, so
    /// while this list is not empty it is refused unless the list holds <see cref="NetId"/> too.
    /// </summary>
    public IList<AmsNetId> AllowedNetIds { get; } = new List<AmsNetId>();

    /// <summary>Whether clients may ask for an AMS port (AMS/TCP 0x1000), as ads-client does without a fixed local address.</summary>
    public bool AllowPortConnect { get; set; } = true;

    /// <summary>Whether WriteControl may change the reported ADS state; denied with 0x723 otherwise.</summary>
    public bool AllowWriteControl { get; set; }

    /// <summary>
    /// Peers (the PLCs) for which <see cref="ReservedConnections"/> of <see cref="MaxConnections"/>
    /// are kept free: other peers are refused once only the reserved connections are left, so
    /// clients holding connections (idle or not) can never lock a PLC out.
    /// </summary>
    public IList<IPNetwork> ReservedPeers { get; } = new List<IPNetwork>();

    /// <summary>Open connections at most; more are closed on accept.</summary>
    public int MaxConnections { get; set; } = 32;

    /// <summary>Connections of <see cref="MaxConnections"/> only <see cref="ReservedPeers"/> may take (no effect while that list is empty).</summary>
    public int ReservedConnections { get; set; } = 4;

    /// <summary>Open connections from one IP address at most.</summary>
    public int MaxConnectionsPerPeer { get; set; } = 8;

    /// <summary>A connection that received no frame and sent nothing for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A frame must arrive whole within this long of its first byte, and a new connection must
    /// send its first frame within this long; otherwise it is closed (slow senders hold no slot).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection whose peer takes none of the data waiting for it for this long is closed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest frame accepted or sent, AMS/TCP header included. A larger incoming frame closes the connection.</summary>
    public int MaxFrameSize { get; set; } = 1024 * 1024;

    /// <summary>Variable handles (0xF003) one connection may hold.</summary>
    public int MaxHandlesPerConnection { get; set; } = 1000;

    /// <summary>Device notifications one connection may hold (Beckhoff advises at most 550 per device).</summary>
    public int MaxNotificationsPerConnection { get; set; } = 500;

    /// <summary>Largest value one notification may watch; a larger one is refused with 0x717.</summary>
    public int MaxNotificationSize { get; set; } = 64 * 1024;

    /// <summary>Bytes all notifications of one connection may watch together; more are refused with 0x70A.</summary>
    public int MaxNotificationBytesPerConnection { get; set; } = 1024 * 1024;

    /// <summary>Sub-commands one sum command may carry (TwinCAT's limit is 500).</summary>
    public int MaxSumCommands { get; set; } = 500;

    /// <summary>Shortest sampling period of cyclic notifications; shorter requests are raised to it.</summary>
    public TimeSpan MinimumCycleTime { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Bytes of answers and notifications queued for a peer that does not read. Above it the
    /// server stops reading that peer's requests and drops its notifications (counted in
    /// <see cref="AdsServerStatistics.NotificationsDropped"/> and logged).
    /// </summary>
    public int MaxQueuedBytesPerConnection { get; set; } = 4 * 1024 * 1024;

    /// <summary>Clock for notification timestamps and sampling, timeouts, accept retries and log summaries.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        static void Positive(int value, string name)
        {
            if (value <= 0)
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        }
        if (TcpPort is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(TcpPort), TcpPort, "TCP port must be 0-65535");
        if (AdsPort == AmsPort.SystemService)
            throw new ArgumentException($"AMS port {AmsPort.SystemService} is the system service; pick another for the device", nameof(AdsPort));
        if (MaxFrameSize < 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxFrameSize), MaxFrameSize, "MaxFrameSize must be at least 1024 bytes");
        Positive(MaxConnections, nameof(MaxConnections));
        Positive(MaxConnectionsPerPeer, nameof(MaxConnectionsPerPeer));
        if (ReservedConnections < 0 || (ReservedPeers.Count > 0 && ReservedConnections >= MaxConnections))
            throw new ArgumentOutOfRangeException(nameof(ReservedConnections), ReservedConnections, $"ReservedConnections must be 0 to MaxConnections - 1 ({MaxConnections - 1})");
        Positive(MaxNotificationBytesPerConnection, nameof(MaxNotificationBytesPerConnection));
        foreach (var (value, name) in new[] { (IdleTimeout, nameof(IdleTimeout)), (RequestTimeout, nameof(RequestTimeout)), (SendTimeout, nameof(SendTimeout)) })
        {
            if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1))
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be 10 ms to 1 day");
        }
        Positive(MaxHandlesPerConnection, nameof(MaxHandlesPerConnection));
        Positive(MaxNotificationsPerConnection, nameof(MaxNotificationsPerConnection));
        Positive(MaxNotificationSize, nameof(MaxNotificationSize));
        Positive(MaxSumCommands, nameof(MaxSumCommands));
        Positive(MaxQueuedBytesPerConnection, nameof(MaxQueuedBytesPerConnection));
        if (MinimumCycleTime < TimeSpan.FromMilliseconds(1))
            throw new ArgumentOutOfRangeException(nameof(MinimumCycleTime), MinimumCycleTime, "MinimumCycleTime must be at least 1 ms");
    }
}

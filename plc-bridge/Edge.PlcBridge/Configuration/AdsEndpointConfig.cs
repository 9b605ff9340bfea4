using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server;

namespace Edge.PlcBridge.Configuration;

/// <summary>
/// The ADS side: where the server listens, who it is on the AMS network, where the boards sit in
/// memory, who may talk to it and what they may write (plc-bridge/README.md, "Access control").
/// </summary>
public sealed record AdsEndpointConfig
{
    public const string DefaultDeviceName = "Edge bridge";

    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>PLC routers dial 48898; 0 picks a free port (tests).</summary>
    public int TcpPort { get; init; } = AmsPort.TcpPort;

    /// <summary>The bridge's AMS net id: the PLC's static route points at it.</summary>
    public AmsNetId NetId { get; init; } = AmsNetId.Local;

    public ushort AdsPort { get; init; } = AmsPort.CustomerFirst;

    /// <summary>The data group that holds every board, one after another (docs/memory-map.md).</summary>
    public uint IndexGroup { get; init; } = AdsIndexGroup.PlcData;

    /// <summary>What ReadDeviceInfo answers (at most 15 ASCII characters).</summary>
    public string DeviceName { get; init; } = DefaultDeviceName;

    /// <summary>Peer addresses or networks that may connect; empty: any.</summary>
    public IReadOnlyList<IPNetwork> AllowedPeers { get; init; } = [];

    /// <summary>Source AMS net ids that may send requests; empty: any. Port connect passes only if it lists <see cref="NetId"/>.</summary>
    public IReadOnlyList<AmsNetId> AllowedNetIds { get; init; } = [];

    /// <summary>The PLCs: peers for which <see cref="AdsLimitsConfig.ReservedConnections"/> connections are kept free.</summary>
    public IReadOnlyList<IPNetwork> PlcPeers { get; init; } = [];

    /// <summary>Paths clients may write, each a board's <c>AlarmAck</c>; empty: read-only (every write answers 0x723).</summary>
    public IReadOnlyList<string> WriteEnabled { get; init; } = [];

    /// <summary>Whether clients may ask for an AMS port (AMS/TCP 0x1000), as ads-client does without a fixed local address.</summary>
    public bool AllowPortConnect { get; init; } = true;

    public AdsLimitsConfig Limits { get; init; } = new();

    public AdsServerOptions ToServerOptions()
    {
        var options = new AdsServerOptions
        {
            BindAddress = Bind,
            TcpPort = TcpPort,
            NetId = NetId,
            AdsPort = AdsPort,
            DeviceInfo = new AdsDeviceInfo(1, 0, 1, DeviceName),
            AllowPortConnect = AllowPortConnect,
            AllowWriteControl = false,
            MaxConnections = Limits.MaxConnections,
            MaxConnectionsPerPeer = Limits.MaxConnectionsPerPeer,
            ReservedConnections = Limits.ReservedConnections,
            MaxFrameSize = Limits.MaxFrameSize,
            MaxHandlesPerConnection = Limits.MaxHandlesPerConnection,
            MaxNotificationsPerConnection = Limits.MaxNotificationsPerConnection,
            MaxNotificationSize = Limits.MaxNotificationSize,
            MaxNotificationBytesPerConnection = Limits.MaxNotificationBytesPerConnection,
            MaxQueuedBytesPerConnection = Limits.MaxQueuedBytesPerConnection,
            MinimumCycleTime = Limits.MinimumCycleTime,
            IdleTimeout = Limits.IdleTimeout,
            RequestTimeout = Limits.RequestTimeout,
            SendTimeout = Limits.SendTimeout,
        };
        foreach (var peer in PlcPeers)
            options.ReservedPeers.Add(peer);
        foreach (var peer in AllowedPeers)
            options.AllowedPeers.Add(peer);
        foreach (var netId in AllowedNetIds)
            options.AllowedNetIds.Add(netId);
        return options;
    }
}

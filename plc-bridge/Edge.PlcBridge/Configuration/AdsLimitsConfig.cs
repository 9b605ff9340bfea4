namespace Edge.PlcBridge.Configuration;

/// <summary>What one peer may take from the ADS server; the defaults are <see cref="Edge.Ads.Server.AdsServerOptions"/>'s.</summary>
public sealed record AdsLimitsConfig
{
    private static readonly Edge.Ads.Server.AdsServerOptions Defaults = new();

    public int MaxConnections { get; init; } = Defaults.MaxConnections;

    public int MaxConnectionsPerPeer { get; init; } = Defaults.MaxConnectionsPerPeer;

    /// <summary>Connections of <see cref="MaxConnections"/> only <c>ads.plc-peers</c> may take.</summary>
    public int ReservedConnections { get; init; } = Defaults.ReservedConnections;

    /// <summary>Bytes, AMS/TCP header included.</summary>
    public int MaxFrameSize { get; init; } = Defaults.MaxFrameSize;

    public int MaxHandlesPerConnection { get; init; } = Defaults.MaxHandlesPerConnection;

    public int MaxNotificationsPerConnection { get; init; } = Defaults.MaxNotificationsPerConnection;

    public int MaxNotificationSize { get; init; } = Defaults.MaxNotificationSize;

    public int MaxNotificationBytesPerConnection { get; init; } = Defaults.MaxNotificationBytesPerConnection;

    /// <summary>Bytes of answers and notifications waiting for one peer.</summary>
    public int MaxQueuedBytesPerConnection { get; init; } = Defaults.MaxQueuedBytesPerConnection;

    public TimeSpan MinimumCycleTime { get; init; } = Defaults.MinimumCycleTime;

    public TimeSpan IdleTimeout { get; init; } = Defaults.IdleTimeout;

    public TimeSpan RequestTimeout { get; init; } = Defaults.RequestTimeout;

    public TimeSpan SendTimeout { get; init; } = Defaults.SendTimeout;
}

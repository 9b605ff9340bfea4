namespace Edge.PlcBridge.Configuration;

/// <summary>What one peer may take from the ADS server; the defaults are <see cref="Edge.Ads.Server.AdsServerOptions"/>'s.</summary>
public sealed record AdsLimitsConfig
{
    private static readonly Edge.Ads.Server.AdsServerOptions Defaults = new();

    public int MaxConnections { get; init; } = Defaults.MaxConnections;

    public int MaxConnectionsPerPeer { get; init; } = Defaults.MaxConnectionsPerPeer;

    /// <summary>Bytes, AMS/TCP header included.</summary>
    public int MaxFrameSize { get; init; } = Defaults.MaxFrameSize;

    public int MaxHandlesPerConnection { get; init; } = Defaults.MaxHandlesPerConnection;

    public int MaxNotificationsPerConnection { get; init; } = Defaults.MaxNotificationsPerConnection;

    public TimeSpan MinimumCycleTime { get; init; } = Defaults.MinimumCycleTime;
}

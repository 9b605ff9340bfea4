using Edge.Ads.Ams;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.IndexGroups;

namespace Edge.Ads.Server.Transport;

/// <summary>What every connection of one server shares: settings, devices, counters, the log.</summary>
internal sealed class ServerContext(AdsServerOptions options, IndexGroupRouter router, AdsDevice device, SystemServiceDevice systemService, AdsServerCounters counters, AdsServerLog log)
{
    // Ports handed out by AMS/TCP port connect, in the range TwinCAT routers use for clients.
    private const int FirstClientPort = 32768;
    private int _nextClientPort = -1;

    public AdsServerOptions Options { get; } = options;

    public IndexGroupRouter Router { get; } = router;

    public AdsServerCounters Counters { get; } = counters;

    public AdsServerLog Log { get; } = log;

    public HashSet<AmsNetId> AllowedNetIds { get; } = [.. options.AllowedNetIds];

    /// <summary>
    /// Why port connect is refused, or null. It hands out our own net id, so with a net-id
    /// allow-list it is only allowed when that list names us: otherwise any peer allowed by IP
    /// could get a net id that passes.
    /// </summary>
    public string? PortConnectRefusal =>
        !Options.AllowPortConnect ? "port connect (AMS/TCP 0x1000) is disabled; clients must use a fixed local address"
        : AllowedNetIds.Count > 0 && !AllowedNetIds.Contains(Options.NetId)
            ? $"port connect (AMS/TCP 0x1000) is refused: its clients send as {Options.NetId}, which the net-id allow-list does not hold; clients must use a fixed local address that it holds"
        : null;

    /// <summary>The device behind an AMS port, or null: the caller answers 0x6 target port not found.</summary>
    public AdsDeviceBase? DeviceAt(ushort port) =>
        port == Options.AdsPort ? device
        : port == AmsPort.SystemService ? systemService
        : null;

    /// <summary>True for our own net id and for 127.0.0.1.1.1, which clients use for "localhost".</summary>
    public bool IsOurs(AmsNetId netId) => netId == Options.NetId || netId == AmsNetId.Local;

    public ushort NextClientPort() =>
        (ushort)(FirstClientPort + (uint)Interlocked.Increment(ref _nextClientPort) % (ushort.MaxValue + 1u - FirstClientPort));
}

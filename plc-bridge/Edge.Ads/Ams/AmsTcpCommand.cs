namespace Edge.Ads.Ams;

/// <summary>
/// The first u16 of the AMS/TCP header. Beckhoff documents it as "reserved, 0"; between a client and
/// its router it carries these commands (ads-client AMS_HEADER_FLAG, AdsLib).
/// </summary>
public enum AmsTcpCommand : ushort
{
    /// <summary>An AMS header and ADS payload follow.</summary>
    AdsCommand = 0x0000,

    /// <summary>Client releases its AMS port; the router then drops the connection. Data: u16 port.</summary>
    PortClose = 0x0001,

    /// <summary>Client asks for an AMS port. Data: u16 wanted port (0: any). Reply: net id + u16 port.</summary>
    PortConnect = 0x1000,

    /// <summary>Router tells its clients its state changed. Data: u32 state (0 stop, 1 start, 2 removed).</summary>
    RouterNotification = 0x1001,

    /// <summary>Client asks for the router's net id. Reply: 6-byte net id.</summary>
    GetLocalNetId = 0x1002,
}

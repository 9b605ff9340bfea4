namespace Edge.Ads.Ams;

/// <summary>The state-flags field of the AMS header (AdsLib AmsHeader.h, ads-client ADS_STATE_FLAGS).</summary>
[Flags]
public enum AmsStateFlags : ushort
{
    None = 0,
    /// <summary>Set in responses.</summary>
    Response = 0x0001,
    NoReturn = 0x0002,
    /// <summary>An ADS command; every request and response has it.</summary>
    AdsCommand = 0x0004,
    SystemCommand = 0x0008,
    HighPriority = 0x0010,
    TimestampAdded = 0x0020,
    Udp = 0x0040,
    InitCommand = 0x0080,
    Broadcast = 0x8000,

    /// <summary>0x0004: what a client sends (and what device notifications carry).</summary>
    Request = AdsCommand,

    /// <summary>0x0005: what a server answers.</summary>
    ResponseToRequest = AdsCommand | Response,
}

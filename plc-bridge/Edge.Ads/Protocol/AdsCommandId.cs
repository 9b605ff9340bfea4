namespace Edge.Ads.Protocol;

/// <summary>ADS command ids carried in the AMS header (Beckhoff AdsDef.h, Infosys "ADS Commands").</summary>
public enum AdsCommandId : ushort
{
    Invalid = 0,
    ReadDeviceInfo = 1,
    Read = 2,
    Write = 3,
    ReadState = 4,
    WriteControl = 5,
    AddDeviceNotification = 6,
    DeleteDeviceNotification = 7,
    /// <summary>Server to client, never answered.</summary>
    DeviceNotification = 8,
    ReadWrite = 9,
}

using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.Devices;

/// <summary>
/// A minimal TwinCAT system service on AMS port 10000: clients (ads-client every second) read its
/// state to see the target is up, so it always answers Run. Everything else answers 0x701,
/// including the 16-byte extended state (group 0xF0): we do not invent platform and OS ids, and
/// 0x701 is what makes ads-client fall back to plain ReadState.
/// </summary>
internal sealed class SystemServiceDevice(AdsServerOptions options) : AdsDeviceBase
{
    protected override AdsErrorCode ReadDeviceInfo(in AdsRequestContext context, out AdsDeviceInfo? info)
    {
        info = options.DeviceInfo;
        return AdsErrorCode.NoError;
    }

    protected override AdsErrorCode ReadState(in AdsRequestContext context, out AdsState adsState, out ushort deviceState)
    {
        adsState = AdsState.Run;
        deviceState = 0;
        return AdsErrorCode.NoError;
    }
}

using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.IndexGroups;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.Devices;

/// <summary>
/// The device on <see cref="AdsServerOptions.AdsPort"/>: symbols, handles, memory, notifications.
/// Read, Write and ReadWrite go to the index group's service.
/// </summary>
internal sealed class AdsDevice(IndexGroupRouter router, DeviceStatus status, AdsServerOptions options, AdsServerLog log) : AdsDeviceBase
{
    protected override AdsErrorCode ReadDeviceInfo(in AdsRequestContext context, out AdsDeviceInfo? info)
    {
        info = options.DeviceInfo;
        return AdsErrorCode.NoError;
    }

    protected override AdsErrorCode ReadState(in AdsRequestContext context, out AdsState adsState, out ushort deviceState)
    {
        uint packed = status.Packed; // one read, so the two halves belong together
        adsState = (AdsState)(ushort)packed;
        deviceState = (ushort)(packed >> 16);
        return AdsErrorCode.NoError;
    }

    protected override AdsErrorCode Read(in AdsRequestContext context, AdsReadRequest request, AdsBufferWriter output) =>
        router.Find(request.IndexGroup).Read(context, request.IndexGroup, request.IndexOffset, request.Length, output);

    protected override AdsErrorCode Write(in AdsRequestContext context, AdsWriteRequest request) =>
        router.Find(request.IndexGroup).Write(context, request.IndexGroup, request.IndexOffset, request.Data);

    protected override AdsErrorCode ReadWrite(in AdsRequestContext context, AdsReadWriteRequest request, AdsBufferWriter output) =>
        router.Find(request.IndexGroup).ReadWrite(context, request.IndexGroup, request.IndexOffset, request.ReadLength, request.WriteData, output);

    /// <summary>
    /// Changes the reported state when <see cref="AdsServerOptions.AllowWriteControl"/> is set:
    /// Run/Start run, Stop/Reset stop (what ads-client's startPlc, stopPlc, resetPlc send).
    /// </summary>
    protected override AdsErrorCode WriteControl(in AdsRequestContext context, AdsWriteControlRequest request)
    {
        if (!options.AllowWriteControl)
            return AdsErrorCode.DeviceAccessDenied;
        AdsState? target = request.AdsState switch
        {
            AdsState.Run or AdsState.Start => AdsState.Run,
            AdsState.Stop or AdsState.Reset => AdsState.Stop,
            _ => null,
        };
        if (target is null)
            return AdsErrorCode.DeviceInvalidParameter;
        if (status.Set(target.Value, request.DeviceState))
            log.StateChanged(target.Value, request.DeviceState, context.Sender.ToString());
        return AdsErrorCode.NoError;
    }

    protected override AdsErrorCode AddNotification(in AdsRequestContext context, AdsAddNotificationRequest request, out uint handle) =>
        context.Session.Notifications.Add(context, request, out handle);

    protected override AdsErrorCode DeleteNotification(in AdsRequestContext context, AdsDeleteNotificationRequest request) =>
        context.Session.Notifications.Delete(request.NotificationHandle);
}

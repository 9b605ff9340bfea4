using Edge.Ads.Framing;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Sessions;

namespace Edge.Ads.Server.Devices;

/// <summary>
/// An ADS device behind one AMS port: decodes the eight request commands, calls the matching
/// handler and writes its answer, or the error in the shape the client parses for that command.
/// Payloads whose length does not match their fields answer 0x705. Handlers a device does not
/// override answer 0x701 (service not supported).
/// </summary>
internal abstract class AdsDeviceBase
{
    /// <summary>
    /// Writes the answer payload for <paramref name="command"/>. Returns the code for the AMS
    /// header: 0, or 0x701 for commands that have no answer layout (there is then no payload).
    /// <paramref name="result"/> is the ADS result inside the payload.
    /// </summary>
    public AdsErrorCode Handle(in AdsRequestContext context, AdsCommandId command, ReadOnlyMemory<byte> payload, AdsBufferWriter output, out AdsErrorCode result)
    {
        var span = payload.Span;
        switch (command)
        {
            case AdsCommandId.ReadDeviceInfo when span.Length == 0:
                result = ReadDeviceInfo(context, out var info);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteDeviceInfo(output, info!);
                break;
            case AdsCommandId.Read when AdsRequestDecoder.TryDecodeRead(span, out var read):
                int readStart = AdsResponseEncoder.BeginReadData(output);
                result = Read(context, read, output);
                AdsResponseEncoder.EndReadData(output, readStart, result);
                return AdsErrorCode.NoError;
            case AdsCommandId.Write when AdsRequestDecoder.TryDecodeWrite(payload, out var write):
                result = Write(context, write);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteResult(output, result);
                break;
            case AdsCommandId.ReadState when span.Length == 0:
                result = ReadState(context, out var adsState, out ushort deviceState);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteReadState(output, adsState, deviceState);
                break;
            case AdsCommandId.WriteControl when AdsRequestDecoder.TryDecodeWriteControl(payload, out var control):
                result = WriteControl(context, control);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteResult(output, result);
                break;
            case AdsCommandId.AddDeviceNotification when AdsRequestDecoder.TryDecodeAddNotification(span, out var add):
                result = AddNotification(context, add, out uint handle);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteAddNotification(output, handle);
                break;
            case AdsCommandId.DeleteDeviceNotification when AdsRequestDecoder.TryDecodeDeleteNotification(span, out var delete):
                result = DeleteNotification(context, delete);
                if (result == AdsErrorCode.NoError)
                    AdsResponseEncoder.WriteResult(output, result);
                break;
            case AdsCommandId.ReadWrite when AdsRequestDecoder.TryDecodeReadWrite(payload, out var readWrite):
                int readWriteStart = AdsResponseEncoder.BeginReadData(output);
                result = ReadWrite(context, readWrite, output);
                AdsResponseEncoder.EndReadData(output, readWriteStart, result);
                return AdsErrorCode.NoError;
            case AdsCommandId.ReadDeviceInfo or AdsCommandId.Read or AdsCommandId.Write or AdsCommandId.ReadState or AdsCommandId.WriteControl
                or AdsCommandId.AddDeviceNotification or AdsCommandId.DeleteDeviceNotification or AdsCommandId.ReadWrite:
                result = AdsErrorCode.DeviceInvalidSize; // the payload did not decode
                break;
            default:
                // Invalid ids, DeviceNotification (never a request) and unknown ids: no payload layout to answer in.
                result = AdsErrorCode.DeviceServiceNotSupported;
                return AdsErrorCode.DeviceServiceNotSupported;
        }
        if (result != AdsErrorCode.NoError)
            AdsResponseEncoder.WriteError(output, command, result);
        return AdsErrorCode.NoError;
    }

    protected abstract AdsErrorCode ReadDeviceInfo(in AdsRequestContext context, out AdsDeviceInfo? info);

    protected abstract AdsErrorCode ReadState(in AdsRequestContext context, out AdsState adsState, out ushort deviceState);

    protected virtual AdsErrorCode Read(in AdsRequestContext context, AdsReadRequest request, AdsBufferWriter output) =>
        AdsErrorCode.DeviceServiceNotSupported;

    protected virtual AdsErrorCode Write(in AdsRequestContext context, AdsWriteRequest request) =>
        AdsErrorCode.DeviceServiceNotSupported;

    protected virtual AdsErrorCode ReadWrite(in AdsRequestContext context, AdsReadWriteRequest request, AdsBufferWriter output) =>
        AdsErrorCode.DeviceServiceNotSupported;

    protected virtual AdsErrorCode WriteControl(in AdsRequestContext context, AdsWriteControlRequest request) =>
        AdsErrorCode.DeviceServiceNotSupported;

    protected virtual AdsErrorCode AddNotification(in AdsRequestContext context, AdsAddNotificationRequest request, out uint handle)
    {
        handle = 0;
        return AdsErrorCode.DeviceServiceNotSupported;
    }

    protected virtual AdsErrorCode DeleteNotification(in AdsRequestContext context, AdsDeleteNotificationRequest request) =>
        AdsErrorCode.DeviceServiceNotSupported;
}

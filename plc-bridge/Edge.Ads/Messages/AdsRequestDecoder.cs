using System.Buffers.Binary;
using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>
/// Reads request payloads. Each method returns false when the payload's length does not match
/// what its own fields announce; the server then answers <see cref="AdsErrorCode.DeviceInvalidSize"/>.
/// Payloads with no fields (ReadDeviceInfo, ReadState) must be empty.
/// </summary>
public static class AdsRequestDecoder
{
    public static bool TryDecodeRead(ReadOnlySpan<byte> payload, out AdsReadRequest request)
    {
        request = default;
        if (payload.Length != AdsReadRequest.Size)
            return false;
        request = new AdsReadRequest(
            IndexGroup: U32(payload, 0),
            IndexOffset: U32(payload, 4),
            Length: U32(payload, 8));
        return true;
    }

    public static bool TryDecodeWrite(ReadOnlyMemory<byte> payload, out AdsWriteRequest request)
    {
        request = default;
        var span = payload.Span;
        if (span.Length < AdsWriteRequest.HeaderSize)
            return false;
        uint length = U32(span, 8);
        if (length != (uint)(span.Length - AdsWriteRequest.HeaderSize))
            return false;
        request = new AdsWriteRequest(
            IndexGroup: U32(span, 0),
            IndexOffset: U32(span, 4),
            Data: payload[AdsWriteRequest.HeaderSize..]);
        return true;
    }

    public static bool TryDecodeReadWrite(ReadOnlyMemory<byte> payload, out AdsReadWriteRequest request)
    {
        request = default;
        var span = payload.Span;
        if (span.Length < AdsReadWriteRequest.HeaderSize)
            return false;
        uint writeLength = U32(span, 12);
        if (writeLength != (uint)(span.Length - AdsReadWriteRequest.HeaderSize))
            return false;
        request = new AdsReadWriteRequest(
            IndexGroup: U32(span, 0),
            IndexOffset: U32(span, 4),
            ReadLength: U32(span, 8),
            WriteData: payload[AdsReadWriteRequest.HeaderSize..]);
        return true;
    }

    public static bool TryDecodeWriteControl(ReadOnlyMemory<byte> payload, out AdsWriteControlRequest request)
    {
        request = default;
        var span = payload.Span;
        if (span.Length < AdsWriteControlRequest.HeaderSize)
            return false;
        uint length = U32(span, 4);
        if (length != (uint)(span.Length - AdsWriteControlRequest.HeaderSize))
            return false;
        request = new AdsWriteControlRequest(
            AdsState: (AdsState)BinaryPrimitives.ReadUInt16LittleEndian(span),
            DeviceState: BinaryPrimitives.ReadUInt16LittleEndian(span[2..]),
            Data: payload[AdsWriteControlRequest.HeaderSize..]);
        return true;
    }

    public static bool TryDecodeAddNotification(ReadOnlySpan<byte> payload, out AdsAddNotificationRequest request)
    {
        request = default;
        if (payload.Length != AdsAddNotificationRequest.Size)
            return false;
        request = new AdsAddNotificationRequest(
            IndexGroup: U32(payload, 0),
            IndexOffset: U32(payload, 4),
            Length: U32(payload, 8),
            TransMode: (AdsTransMode)U32(payload, 12),
            MaxDelay: U32(payload, 16),
            CycleTime: U32(payload, 20));
        // bytes 24..39 are reserved; their content is ignored, as TwinCAT does
        return true;
    }

    public static bool TryDecodeDeleteNotification(ReadOnlySpan<byte> payload, out AdsDeleteNotificationRequest request)
    {
        request = default;
        if (payload.Length != AdsDeleteNotificationRequest.Size)
            return false;
        request = new AdsDeleteNotificationRequest(U32(payload, 0));
        return true;
    }

    private static uint U32(ReadOnlySpan<byte> span, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(span[offset..]);
}

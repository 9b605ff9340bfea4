using System.Buffers.Binary;
using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>
/// Reads response payloads (client side). An error answer may be shorter than a success answer,
/// so the result code is read first and the rest only on success. Malformed success answers
/// throw <see cref="AdsFormatException"/>.
/// </summary>
public static class AdsResponseDecoder
{
    /// <summary>Read or ReadWrite: <c>u32 result, u32 length, data[length]</c>.</summary>
    public static AdsReadResult DecodeRead(ReadOnlySpan<byte> payload)
    {
        var result = Result(payload, "read response");
        if (result != AdsErrorCode.NoError)
            return new AdsReadResult(result, []);
        Need(payload, 8, "read response");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]);
        if (length != (uint)(payload.Length - 8))
            throw new AdsFormatException($"read response announces {length} data bytes but carries {payload.Length - 8}");
        return new AdsReadResult(result, payload[8..].ToArray());
    }

    /// <summary>Write, WriteControl, DeleteDeviceNotification: <c>u32 result</c>.</summary>
    public static AdsErrorCode DecodeResult(ReadOnlySpan<byte> payload) => Result(payload, "response");

    /// <summary>ReadState: <c>u32 result, u16 adsState, u16 deviceState</c>.</summary>
    public static AdsStateResult DecodeReadState(ReadOnlySpan<byte> payload)
    {
        var result = Result(payload, "read-state response");
        if (result != AdsErrorCode.NoError)
            return new AdsStateResult(result, AdsState.Invalid, 0);
        Need(payload, 8, "read-state response");
        return new AdsStateResult(result,
            (AdsState)BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]),
            BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]));
    }

    /// <summary>ReadDeviceInfo: <c>u32 result, u8 major, u8 minor, u16 build, char name[16]</c>.</summary>
    public static AdsDeviceInfoResult DecodeDeviceInfo(ReadOnlySpan<byte> payload)
    {
        var result = Result(payload, "device-info response");
        if (result != AdsErrorCode.NoError)
            return new AdsDeviceInfoResult(result, null);
        Need(payload, 8 + AdsDeviceInfo.NameFieldSize, "device-info response");
        return new AdsDeviceInfoResult(result, new AdsDeviceInfo(
            payload[4],
            payload[5],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[6..]),
            AdsString.Read(payload.Slice(8, AdsDeviceInfo.NameFieldSize))));
    }

    /// <summary>AddDeviceNotification: <c>u32 result, u32 handle</c>.</summary>
    public static AdsHandleResult DecodeAddNotification(ReadOnlySpan<byte> payload)
    {
        var result = Result(payload, "add-notification response");
        if (result != AdsErrorCode.NoError)
            return new AdsHandleResult(result, 0);
        Need(payload, 8, "add-notification response");
        return new AdsHandleResult(result, BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]));
    }

    private static AdsErrorCode Result(ReadOnlySpan<byte> payload, string what)
    {
        Need(payload, 4, what);
        return (AdsErrorCode)BinaryPrimitives.ReadUInt32LittleEndian(payload);
    }

    private static void Need(ReadOnlySpan<byte> payload, int bytes, string what)
    {
        if (payload.Length < bytes)
            throw new AdsFormatException($"{what} has {payload.Length} bytes, needs {bytes}");
    }
}

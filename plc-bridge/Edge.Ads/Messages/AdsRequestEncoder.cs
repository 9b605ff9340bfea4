using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>Writes request payloads (client side; the layout is the one <see cref="AdsRequestDecoder"/> reads).</summary>
public static class AdsRequestEncoder
{
    public static void WriteRead(AdsBufferWriter writer, in AdsReadRequest request)
    {
        writer.WriteUInt32(request.IndexGroup);
        writer.WriteUInt32(request.IndexOffset);
        writer.WriteUInt32(request.Length);
    }

    public static void WriteWrite(AdsBufferWriter writer, in AdsWriteRequest request)
    {
        writer.WriteUInt32(request.IndexGroup);
        writer.WriteUInt32(request.IndexOffset);
        writer.WriteUInt32((uint)request.Data.Length);
        writer.Write(request.Data.Span);
    }

    public static void WriteReadWrite(AdsBufferWriter writer, in AdsReadWriteRequest request)
    {
        writer.WriteUInt32(request.IndexGroup);
        writer.WriteUInt32(request.IndexOffset);
        writer.WriteUInt32(request.ReadLength);
        writer.WriteUInt32((uint)request.WriteData.Length);
        writer.Write(request.WriteData.Span);
    }

    public static void WriteWriteControl(AdsBufferWriter writer, in AdsWriteControlRequest request)
    {
        writer.WriteUInt16((ushort)request.AdsState);
        writer.WriteUInt16(request.DeviceState);
        writer.WriteUInt32((uint)request.Data.Length);
        writer.Write(request.Data.Span);
    }

    public static void WriteAddNotification(AdsBufferWriter writer, in AdsAddNotificationRequest request)
    {
        writer.WriteUInt32(request.IndexGroup);
        writer.WriteUInt32(request.IndexOffset);
        writer.WriteUInt32(request.Length);
        writer.WriteUInt32((uint)request.TransMode);
        writer.WriteUInt32(request.MaxDelay);
        writer.WriteUInt32(request.CycleTime);
        writer.WriteZeros(16); // reserved
    }

    public static void WriteDeleteNotification(AdsBufferWriter writer, in AdsDeleteNotificationRequest request) =>
        writer.WriteUInt32(request.NotificationHandle);

    /// <summary>Write data of the by-name services: the name and a NUL.</summary>
    public static byte[] Name(string name)
    {
        var bytes = new byte[AdsString.ByteCount(name) + 1];
        AdsString.WriteNulTerminated(name, bytes);
        return bytes;
    }
}

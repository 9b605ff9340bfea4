using Edge.Ads.Framing;
using Edge.Ads.Protocol;

namespace Edge.Ads.Messages;

/// <summary>
/// Writes response payloads (server side). Read and ReadWrite answers always carry
/// <c>result</c> and <c>length</c>, even on error: ads-client crashes on a 4-byte ReadWrite error.
/// </summary>
public static class AdsResponseEncoder
{
    /// <summary><c>u32 result, u8 major, u8 minor, u16 build, char name[16]</c> (name NUL-padded).</summary>
    public static void WriteDeviceInfo(AdsBufferWriter writer, AdsDeviceInfo info)
    {
        writer.WriteUInt32((uint)AdsErrorCode.NoError);
        writer.WriteByte(info.MajorVersion);
        writer.WriteByte(info.MinorVersion);
        writer.WriteUInt16(info.BuildVersion);
        var name = writer.Allocate(AdsDeviceInfo.NameFieldSize);
        name.Clear();
        AdsString.WriteNulTerminated(info.Name, name);
    }

    /// <summary><c>u32 result, u16 adsState, u16 deviceState</c>.</summary>
    public static void WriteReadState(AdsBufferWriter writer, AdsState adsState, ushort deviceState)
    {
        writer.WriteUInt32((uint)AdsErrorCode.NoError);
        writer.WriteUInt16((ushort)adsState);
        writer.WriteUInt16(deviceState);
    }

    /// <summary><c>u32 result</c>: Write, WriteControl, DeleteDeviceNotification, and errors without data.</summary>
    public static void WriteResult(AdsBufferWriter writer, AdsErrorCode result) => writer.WriteUInt32((uint)result);

    /// <summary><c>u32 result, u32 notificationHandle</c>.</summary>
    public static void WriteAddNotification(AdsBufferWriter writer, uint notificationHandle)
    {
        writer.WriteUInt32((uint)AdsErrorCode.NoError);
        writer.WriteUInt32(notificationHandle);
    }

    /// <summary>
    /// Starts a Read/ReadWrite answer (<c>u32 result, u32 length, data</c>): reserves result and
    /// length; the caller writes the data, then calls <see cref="EndReadData"/>.
    /// </summary>
    public static int BeginReadData(AdsBufferWriter writer)
    {
        int start = writer.Position;
        writer.WriteUInt32(0); // result, patched
        writer.WriteUInt32(0); // length, patched
        return start;
    }

    /// <summary>Fills in result and length; on error drops the data so the answer is exactly 8 bytes.</summary>
    public static void EndReadData(AdsBufferWriter writer, int start, AdsErrorCode result)
    {
        if (result != AdsErrorCode.NoError)
            writer.Truncate(start + 8);
        writer.PatchUInt32(start, (uint)result);
        writer.PatchUInt32(start + 4, (uint)(writer.Position - start - 8));
    }

    /// <summary>
    /// The payload that tells a client "this failed" in the shape it parses for the command:
    /// result + length 0 for Read and ReadWrite, the bare result for the others.
    /// </summary>
    public static void WriteError(AdsBufferWriter writer, AdsCommandId command, AdsErrorCode error)
    {
        writer.WriteUInt32((uint)error);
        if (command is AdsCommandId.Read or AdsCommandId.ReadWrite)
            writer.WriteUInt32(0);
    }
}

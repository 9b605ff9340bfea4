using Edge.Ads.Ams;

namespace Edge.Ads.Framing;

/// <summary>
/// Builds whole frames: AMS/TCP header (6) + AMS header (32) + ADS payload. A frame is begun with
/// placeholders for both lengths, the payload is written, and <see cref="EndAds"/> fills them in.
/// </summary>
public static class AmsFrame
{
    /// <summary>Bytes in front of the ADS payload: AMS/TCP header + AMS header.</summary>
    public const int HeaderSize = AmsTcpHeader.Size + AmsHeader.Size;

    /// <summary>Writes the headers of an ADS frame and returns where the frame starts.</summary>
    public static int BeginAds(AdsBufferWriter writer, in AmsHeader header)
    {
        int start = writer.Position;
        new AmsTcpHeader(AmsTcpCommand.AdsCommand, 0).Write(writer.Allocate(AmsTcpHeader.Size));
        header.Write(writer.Allocate(AmsHeader.Size));
        return start;
    }

    /// <summary>Fills in the AMS/TCP length and the AMS data length of the frame begun at <paramref name="start"/>.</summary>
    public static void EndAds(AdsBufferWriter writer, int start)
    {
        int total = writer.Position - start;
        writer.PatchUInt32(start + 2, (uint)(total - AmsTcpHeader.Size)); // AMS/TCP length: all after its header
        writer.PatchUInt32(start + AmsTcpHeader.Size + 20, (uint)(total - HeaderSize)); // AMS data length: the payload
    }

    /// <summary>Sets the error-code field of the AMS header of the frame begun at <paramref name="start"/>.</summary>
    public static void SetErrorCode(AdsBufferWriter writer, int start, Protocol.AdsErrorCode errorCode) =>
        writer.PatchUInt32(start + AmsTcpHeader.Size + 24, (uint)errorCode);

    /// <summary>A complete ADS frame as a new array (tests, clients).</summary>
    public static byte[] CreateAds(in AmsHeader header, ReadOnlySpan<byte> payload)
    {
        var writer = new AdsBufferWriter(HeaderSize + payload.Length);
        int start = BeginAds(writer, header);
        writer.Write(payload);
        EndAds(writer, start);
        return writer.ToArray();
    }

    /// <summary>Writes a frame with only the AMS/TCP header and <paramref name="data"/> (port connect, port close, ...).</summary>
    public static void WriteAmsTcp(AdsBufferWriter writer, AmsTcpCommand command, ReadOnlySpan<byte> data)
    {
        new AmsTcpHeader(command, (uint)data.Length).Write(writer.Allocate(AmsTcpHeader.Size));
        writer.Write(data);
    }
}

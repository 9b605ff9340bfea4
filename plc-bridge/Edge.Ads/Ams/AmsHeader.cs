using System.Buffers.Binary;
using Edge.Ads.Protocol;

namespace Edge.Ads.Ams;

/// <summary>
/// The 32-byte AMS header that follows the AMS/TCP header of every ADS frame.
/// </summary>
public readonly record struct AmsHeader(
    AmsAddress Target,
    AmsAddress Source,
    AdsCommandId Command,
    AmsStateFlags StateFlags,
    uint DataLength,
    AdsErrorCode ErrorCode,
    uint InvokeId)
{
    public const int Size =
        AmsAddress.Size // target net id + port
        + AmsAddress.Size // source net id + port
        + 2 // command id
        + 2 // state flags
        + 4 // data length: bytes of ADS payload after this header
        + 4 // error code: nonzero means "no payload, the request failed"
        + 4; // invoke id: chosen by the requester, echoed in the response

    public bool IsResponse => (StateFlags & AmsStateFlags.Response) != 0;

    public static AmsHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
            throw new ArgumentException($"an AMS header needs {Size} bytes, got {source.Length}", nameof(source));
        return new AmsHeader(
            Target: AmsAddress.Read(source),
            Source: AmsAddress.Read(source[8..]),
            Command: (AdsCommandId)BinaryPrimitives.ReadUInt16LittleEndian(source[16..]),
            StateFlags: (AmsStateFlags)BinaryPrimitives.ReadUInt16LittleEndian(source[18..]),
            DataLength: BinaryPrimitives.ReadUInt32LittleEndian(source[20..]),
            ErrorCode: (AdsErrorCode)BinaryPrimitives.ReadUInt32LittleEndian(source[24..]),
            InvokeId: BinaryPrimitives.ReadUInt32LittleEndian(source[28..]));
    }

    public void Write(Span<byte> destination)
    {
        if (destination.Length < Size)
            throw new ArgumentException($"an AMS header needs {Size} bytes, got {destination.Length}", nameof(destination));
        Target.Write(destination);
        Source.Write(destination[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[16..], (ushort)Command);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[18..], (ushort)StateFlags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], DataLength);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)ErrorCode);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], InvokeId);
    }

    /// <summary>
    /// The header of the answer to this request: target and source swapped, same command and
    /// invoke id, response flags. The data length is filled in when the frame is completed.
    /// </summary>
    public AmsHeader ToResponse(AdsErrorCode errorCode = AdsErrorCode.NoError) =>
        new(Source, Target, Command, AmsStateFlags.ResponseToRequest, 0, errorCode, InvokeId);
}

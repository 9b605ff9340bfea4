using System.Buffers.Binary;

namespace Edge.Ads.Ams;

/// <summary>
/// The 6 bytes in front of every frame on TCP 48898:
/// <c>u16 command (AmsTcpCommand)</c>, <c>u32 length</c> = bytes that follow (AMS header + ADS data).
/// </summary>
public readonly record struct AmsTcpHeader(AmsTcpCommand Command, uint Length)
{
    public const int Size = 2 + 4; // command + length

    public static AmsTcpHeader Read(ReadOnlySpan<byte> source) => new(
        (AmsTcpCommand)BinaryPrimitives.ReadUInt16LittleEndian(source),
        BinaryPrimitives.ReadUInt32LittleEndian(source[2..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)Command);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], Length);
    }
}

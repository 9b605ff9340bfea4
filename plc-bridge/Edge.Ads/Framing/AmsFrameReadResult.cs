using Edge.Ads.Ams;

namespace Edge.Ads.Framing;

/// <summary>
/// One result of <see cref="AmsFrameReader"/>. <see cref="Body"/> is what follows the AMS/TCP header:
/// for a frame, all of it; for an oversized frame, the part already received (at most an AMS
/// header, so the caller can still answer with an error). It stays valid until the next read.
/// </summary>
public readonly record struct AmsFrameReadResult(
    AmsFrameStatus Status,
    AmsTcpHeader TcpHeader,
    ReadOnlyMemory<byte> Body,
    long BufferedBytes)
{
    /// <summary>Frame size the AMS/TCP header announced (header included).</summary>
    public long AnnouncedFrameSize => AmsTcpHeader.Size + (long)TcpHeader.Length;
}

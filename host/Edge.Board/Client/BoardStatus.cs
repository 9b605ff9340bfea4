using Edge.Device.Board;
using Edge.Device.Codec;
using Edge.Device.Drift;

namespace Edge.Board.Client;

/// <summary>A board's status record (link-protocol.md), decoded.</summary>
public sealed record BoardStatus(
    long UptimeMs, long Samples, long Inferences, long Anomalies, long MeanInferenceMicros, long MaxInferenceMicros,
    long FreeMemoryBytes, string ModelId, long WindowsCompleted, string Verdict, bool Alarm, string Capture,
    bool ModelLoaded, bool ProfileLoaded, long FramesRejected, long CrcErrors, long Overlong, long ResentFromCache)
{
    public static BoardStatus Parse(byte[] p)
    {
        if (p.Length < TelemetryWriter.StatusBytes) throw new Link.BoardLinkException($"status record of {p.Length} bytes, expected {TelemetryWriter.StatusBytes}");
        long U(int at) => LittleEndian.ReadUInt32(p, at);
        string id = p.AsSpan(28, 8).ToArray().All(b => b == 0) ? "" : Convert.ToHexString(p, 28, 8).ToLowerInvariant();
        return new BoardStatus(U(0), U(4), U(8), U(12), U(16), U(20), U(24), id, U(36), WindowVerdict.Name(p[40]), p[41] != 0,
            CaptureState.Name(p[42]), (p[43] & 1) != 0, (p[43] & 2) != 0, U(44), U(48), U(52), U(56));
    }
}

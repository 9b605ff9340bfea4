using Edge.Device.Link.Messages;

namespace Edge.Board.Link;

/// <summary>An unsolicited frame from the board: its kind, sequence number and payload, and when it arrived.</summary>
public sealed record TelemetryFrame(byte Kind, ushort Sequence, byte[] Payload, DateTimeOffset ReceivedAt)
{
    /// <summary>Reads the payload into its message (TelemetryKind: status record, window page); a payload that does not read is the board's fault.</summary>
    public T Decode<T>(T message, string address) where T : LinkMessage =>
        LinkResponse.Read(Payload, message, $"telemetry from {address}", $"board at {address} sent malformed telemetry (kind {Kind})");
}

namespace Edge.Board.Link;

/// <summary>An unsolicited frame from the board: its kind, sequence number and payload, and when it arrived.</summary>
public sealed record TelemetryFrame(byte Kind, ushort Sequence, byte[] Payload, DateTimeOffset ReceivedAt);

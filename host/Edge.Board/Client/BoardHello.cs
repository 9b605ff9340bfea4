namespace Edge.Board.Client;

/// <summary>What a board says about itself in the handshake.</summary>
public sealed record BoardHello(int ProtocolVersion, int MaxPayload, string FirmwareVersion, string BoardName, int StagingCapacity, int VectorSlots, int MaxRowWidth);

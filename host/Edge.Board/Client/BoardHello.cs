using Edge.Device.Link.Messages;

namespace Edge.Board.Client;

/// <summary>What a board said about itself when the session opened.</summary>
/// <param name="Window">Requests in flight the session allows (the smaller of host's and board's).</param>
/// <param name="ArenaBudget">Largest inference arena the board allows, bytes (0: no limit).</param>
/// <param name="FreeMemory">Free managed memory at hello, bytes (0: the board cannot tell).</param>
/// <param name="LinkBufferBytes">Memory the board's link buffers take, its response cache included.</param>
public sealed record BoardHello(
    int ProtocolVersion, int MaxPayload, string FirmwareVersion, string BoardName, int StagingCapacity, int VectorSlots, int MaxRowWidth,
    int Window, bool NativeKernels, int ArenaBudget, long FreeMemory, int LinkBufferBytes, uint Session)
{
    public static BoardHello From(HelloReply r, uint session) => new(
        r.ProtocolVersion, r.MaxPayload, r.FirmwareVersion, r.BoardName, r.StagingCapacity, r.VectorSlots, r.MaxRowWidth,
        r.Window, r.HasNativeKernels, r.ArenaBudget, r.FreeMemory, r.LinkBufferBytes, session);
}

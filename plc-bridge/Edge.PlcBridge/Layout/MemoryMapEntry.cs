namespace Edge.PlcBridge.Layout;

/// <summary>Where one board's <c>ST_EdgeBoard</c> sits: what a PLC's ADSREAD needs besides net id and port.</summary>
public sealed record MemoryMapEntry(string Board, int Slot, uint IndexGroup, uint IndexOffset, int Size);

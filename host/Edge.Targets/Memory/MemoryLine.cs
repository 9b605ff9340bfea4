namespace Edge.Targets.Memory;

/// <summary>One part of a board's heap budget: what takes it and how many bytes.</summary>
public sealed record MemoryLine(string What, long Bytes);

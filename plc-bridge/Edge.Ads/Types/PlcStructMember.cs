namespace Edge.Ads.Types;

/// <summary>A member of a STRUCT at its byte offset inside it.</summary>
public sealed record PlcStructMember(string Name, PlcType Type, int Offset, string? Comment);

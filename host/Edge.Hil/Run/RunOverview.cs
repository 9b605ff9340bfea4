namespace Edge.Hil.Run;

/// <summary>A run's size before it starts: the whole matrix, this shard's part, and how much of it --resume keeps.</summary>
public sealed record RunOverview(string Directory, string Rig, int MatrixCells, int ShardCells, int Kept, int Models, int Boards, IReadOnlyList<string> Firmware);

namespace Edge.Hil.Rigs;

/// <summary>
/// The memory a board offers a model, in bytes; null = not checked before upload (the board still
/// refuses what it cannot hold). Staging: the largest file an upload can stage. Arena: the
/// interpreter's working memory. Heap: the managed heap that must hold the model's constants and
/// its arena together (Edge.Models' board budgets).
/// </summary>
public sealed record RigBudgets(int? Staging, int? Arena, int? Heap);

namespace Edge.Hil.Rigs;

/// <summary>
/// Overrides of what a board offers a model, in bytes; null = what the board's target gives (the
/// board app's sizes, BoardPresets, and the target's managed heap in Edge.Targets; for a target
/// Edge does not know, no check before upload: the board still refuses what it cannot hold).
/// Staging: the largest file an upload can stage. Arena: the interpreter's working memory. Heap:
/// the whole managed heap the firmware leaves (not what is free for the model: nanoCLR, the board
/// app and the drift monitor take their share first).
/// </summary>
public sealed record RigBudgets(int? Staging, int? Arena, int? Heap);

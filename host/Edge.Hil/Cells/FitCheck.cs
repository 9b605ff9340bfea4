using Edge.Board.Client;
using Edge.Hil.Inputs;
using Edge.Hil.Rigs;
using Edge.Models.Boards;
using Edge.Targets.Boards;

namespace Edge.Hil.Cells;

/// <summary>
/// Whether a model fits a board before it is uploaded: its file against the staging area (the
/// rig's budget and what the board reports), its arena against the rig's arena budget, and, for
/// a known nanoFramework target, the board app with the model and the drift profile it carries
/// against the target's managed heap on nanoCLR (Edge.Targets' memory model; a rig's `heap:`
/// budget replaces the target's heap figure).
/// </summary>
public static class FitCheck
{
    /// <summary>Why the model does not fit (every reason that applies), or null.</summary>
    public static string? Problem(RigBoard board, BoardHello hello, PreparedModel model)
    {
        var problems = new List<string>();
        int staging = Math.Min(board.Budgets.Staging ?? int.MaxValue, hello.StagingCapacity);
        if (model.Edgem.Length > staging)
            problems.Add($"the model file is {model.Edgem.Length} bytes; {board.Name} stages uploads of at most {staging} bytes");
        var target = Target(board);
        if (board.Budgets.Arena is not null || target is not null)
        {
            try
            {
                new MemoryBudget(board.Budgets.Arena, target).CreateInterpreter(model.Model, model.Edgem.Length);
            }
            catch (MemoryBudgetException e)
            {
                problems.Add(e.Message);
            }
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>The memory model of the board's target, with the rig's heap budget if it states one; null for a target Edge does not know.</summary>
    public static BoardTarget? Target(RigBoard board)
    {
        var target = BoardTarget.TryFind(board.Target);
        if (target is null) return null;
        return board.Budgets.Heap is { } heap ? target with { ManagedHeapBytes = heap, HeapSource = "the rig's heap budget" } : target;
    }
}

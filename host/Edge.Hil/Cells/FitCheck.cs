using Edge.Board.Client;
using Edge.Hil.Inputs;
using Edge.Hil.Rigs;
using Edge.Models.Boards;

namespace Edge.Hil.Cells;

/// <summary>
/// Whether a model fits a board before it is uploaded: its file against the staging area (the
/// rig's budget and what the board reports), its arena and constants against the rig's arena and
/// heap budgets, checked by the device interpreter itself (Edge.Models' <see cref="MemoryBudget"/>).
/// </summary>
public static class FitCheck
{
    /// <summary>Why the model does not fit, or null.</summary>
    public static string? Problem(RigBoard board, BoardHello hello, PreparedModel model)
    {
        int staging = Math.Min(board.Budgets.Staging ?? int.MaxValue, hello.StagingCapacity);
        if (model.Edgem.Length > staging)
            return $"the model file is {model.Edgem.Length} bytes; {board.Name} stages uploads of at most {staging} bytes";
        if (board.Budgets.Arena is null && board.Budgets.Heap is null) return null;
        var heap = board.Budgets.Heap is { } bytes ? new BoardBudget(board.Name, board.Target, bytes, "rig budget") : null;
        try
        {
            new MemoryBudget(board.Budgets.Arena, heap).CreateInterpreter(model.Model);
            return null;
        }
        catch (MemoryBudgetException e)
        {
            return e.Message;
        }
    }
}

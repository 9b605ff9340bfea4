using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.Models.Boards;

/// <summary>
/// The memory limit a command checks a model against: an explicit arena budget in bytes, or a
/// board's heap (which must hold the model's constants and its arena). The check itself is the
/// device interpreter's: it refuses to allocate an arena above its budget.
/// </summary>
public sealed record MemoryBudget(int? ArenaBytes, BoardBudget? Board)
{
    public static readonly MemoryBudget None = new(null, null);

    public bool IsSet => ArenaBytes is not null || Board is not null;

    /// <summary>The arena budget for this model; throws <see cref="MemoryBudgetException"/> when even its constants do not fit the board.</summary>
    public int ArenaBudgetFor(EdgeModel model)
    {
        int budget = int.MaxValue;
        if (ArenaBytes is { } explicitBudget) budget = explicitBudget;
        if (Board is { } board)
        {
            int left = board.ArenaBudget(model.ResidentBytes);
            if (left <= 0)
                throw new MemoryBudgetException($"the model's constants take {model.ResidentBytes} bytes, more than {board.Name}'s {board.HeapBytes} bytes of managed heap");
            budget = Math.Min(budget, left);
        }
        return budget;
    }

    /// <summary>Creates the interpreter the way the board would, failing clearly when the arena does not fit.</summary>
    public Interpreter CreateInterpreter(EdgeModel model)
    {
        int budget = IsSet ? ArenaBudgetFor(model) : 0;
        try
        {
            return new Interpreter(model, budget);
        }
        catch (ArenaBudgetException e)
        {
            string where = Board is { } board && (ArenaBytes is null || budget < ArenaBytes)
                ? $"{board.Name} leaves {budget} bytes for it ({board.HeapBytes} bytes of heap minus {model.ResidentBytes} bytes of model constants)"
                : $"the budget is {budget} bytes (--arena-budget)";
            throw new MemoryBudgetException($"the model needs a {e.Needed}-byte arena; {where}", e);
        }
    }

    public override string ToString() =>
        (ArenaBytes, Board) switch
        {
            (null, null) => "none",
            ({ } a, null) => $"{a} bytes of arena",
            (null, { } b) => $"{b.Name} ({b.HeapBytes} bytes of heap)",
            ({ } a, { } b) => $"{a} bytes of arena on {b.Name} ({b.HeapBytes} bytes of heap)",
        };
}


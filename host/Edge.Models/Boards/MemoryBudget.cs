using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Inference.Simd;
using Edge.Targets.Boards;
using Edge.Targets.Memory;

namespace Edge.Models.Boards;

/// <summary>
/// The memory limit a command checks a model against: an explicit arena budget in bytes, and/or a
/// board, whose managed heap on nanoCLR must hold the board app, the model (with the drift
/// profile it carries) and, while it loads, the uploaded file's copy (Edge.Targets'
/// <see cref="BoardMemory"/>). The arena check itself is the device interpreter's: it refuses to
/// allocate an arena above its budget.
/// </summary>
public sealed record MemoryBudget(int? ArenaBytes, BoardTarget? Board)
{
    public static readonly MemoryBudget None = new(null, null);

    public bool IsSet => ArenaBytes is not null || Board is not null;

    /// <summary>The board's heap budget for this model and the profile it carries (null without a board).</summary>
    public MemoryFit? FitOf(EdgeModel model, int fileBytes)
    {
        if (Board is null) return null;
        DriftProfile? profile = model.DriftProfile is { Length: > 0 } bytes ? DriftProfileReader.Read(bytes, "the model's drift profile") : null;
        return BoardMemory.Check(Board, model, profile);
    }

    /// <summary>
    /// Creates the interpreter the way the board would, failing clearly when the arena or the whole
    /// model does not fit. It runs the host's SIMD kernels, bit for bit the board's.
    /// </summary>
    public Interpreter CreateInterpreter(EdgeModel model, int fileBytes = 0)
    {
        int arenaBudget = ArenaBytes ?? Board?.Preset().ArenaBudget ?? 0;
        Interpreter interpreter;
        try
        {
            interpreter = new Interpreter(model, arenaBudget, HostInt8Kernels.Fastest);
        }
        catch (ArenaBudgetException e)
        {
            string where = ArenaBytes is not null ? $"the budget is {arenaBudget} bytes (--arena-budget)" : $"the board app on {Board!.Name} allows {arenaBudget} bytes (BoardPresets)";
            throw new MemoryBudgetException($"the model needs a {e.Needed}-byte arena; {where}", e);
        }
        if (FitOf(model, fileBytes) is { Fits: false } fit)
            throw new MemoryBudgetException("the model " + fit.Verdict());
        return interpreter;
    }

    public override string ToString() =>
        (ArenaBytes, Board) switch
        {
            (null, null) => "none",
            ({ } a, null) => $"{a} bytes of arena",
            (null, { } b) => FormattableString.Invariant($"{b.Name} ({b.ManagedHeapBytes:N0} B of managed heap, {b.AppHeapBytes:N0} B after nanoCLR)"),
            ({ } a, { } b) => FormattableString.Invariant($"{a} bytes of arena on {b.Name} ({b.ManagedHeapBytes:N0} B of managed heap, {b.AppHeapBytes:N0} B after nanoCLR)"),
        };
}

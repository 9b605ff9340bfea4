using Edge.Hil.Plan;

namespace Edge.Hil.Rigs;

/// <summary>What happens to a simulated board's line when a cell reaches <see cref="Phase"/>.</summary>
public sealed record BoardLineFault(BoardLineFaultKind Kind, CellPhase Phase)
{
    /// <summary>`silent@measure`, `garbage@upload`, ...</summary>
    public static bool TryParse(string text, out BoardLineFault? fault)
    {
        fault = null;
        string[] parts = text.Trim().ToLowerInvariant().Split('@');
        if (parts.Length != 2) return false;
        BoardLineFaultKind? kind = parts[0] switch { "silent" => BoardLineFaultKind.Silent, "garbage" => BoardLineFaultKind.Garbage, _ => null };
        if (kind is null || !CellPhases.TryParse(parts[1], out var phase)) return false;
        fault = new BoardLineFault(kind.Value, phase);
        return true;
    }

    public override string ToString() => $"{(Kind == BoardLineFaultKind.Silent ? "silent" : "garbage")}@{CellPhases.Name(Phase)}";
}

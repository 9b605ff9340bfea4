namespace Edge.Hil.Plan;

/// <summary>The names of <see cref="CellPhase"/> in rig files and messages (kebab-case).</summary>
public static class CellPhases
{
    private static readonly (CellPhase Phase, string Name)[] Names =
    [
        (CellPhase.Deploy, "deploy"), (CellPhase.Connect, "connect"), (CellPhase.Upload, "upload"), (CellPhase.PowerCycle, "power-cycle"),
        (CellPhase.Measure, "measure"), (CellPhase.Accuracy, "accuracy"), (CellPhase.Record, "record"),
    ];

    public static string Name(CellPhase phase) => Names.First(n => n.Phase == phase).Name;

    public static bool TryParse(string text, out CellPhase phase)
    {
        foreach (var (p, name) in Names)
        {
            if (name != text) continue;
            phase = p;
            return true;
        }
        phase = default;
        return false;
    }

    public static string All => string.Join(", ", Names.Select(n => n.Name));
}

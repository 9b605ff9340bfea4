using Edge.Hil.Plan;

namespace Edge.Hil.Rigs;

/// <summary>A bench: its boards (each with its link, power monitor, trigger wiring, supply and budgets) and how cells are measured on it.</summary>
public sealed record Rig(string Name, string Description, string SourcePath, MeasurementPlan Measurement, IReadOnlyList<RigBoard> Boards)
{
    public RigBoard Board(string name) =>
        Boards.FirstOrDefault(b => b.Name == name)
        ?? throw new RigException(SourcePath, $"no board '{name}' (boards: {string.Join(", ", Boards.Select(b => b.Name))})");

    /// <summary>True when every board is simulated: nothing here met hardware.</summary>
    public bool AllSimulated => Boards.All(b => b.Kind == BoardKind.Simulated);
}

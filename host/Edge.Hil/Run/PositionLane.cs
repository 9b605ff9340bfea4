using Edge.Hil.Matrix;
using Edge.Hil.Rigs;

namespace Edge.Hil.Run;

/// <summary>
/// The cells of the boards behind one power monitor, in matrix order (board, firmware, model):
/// measured one after another, while other lanes are measured at the same time.
/// </summary>
public sealed record PositionLane(IReadOnlyList<RigBoard> Boards, IReadOnlyList<MatrixCell> Cells)
{
    /// <summary>Several simulated boards take turns on one simulated monitor (a named one); null when each board brings its own.</summary>
    public string? SharedSimulatedMonitor =>
        Boards.Count > 1 && Boards.All(b => b.Kind == BoardKind.Simulated) ? Boards[0].Monitor.Name : null;

    public override string ToString() => $"{MonitorSharing.Describe(Boards[0])}: {string.Join(", ", Boards.Select(b => b.Name))}";

    /// <summary>
    /// Splits <paramref name="cells"/> into lanes: boards that share a monitor (directly or through
    /// another board) in one lane; lanes ordered by their first cell, cells kept in matrix order.
    /// </summary>
    public static IReadOnlyList<PositionLane> Plan(IReadOnlyList<MatrixCell> cells)
    {
        var boards = cells.Select(c => c.Board).Distinct().ToList();
        var lane = Enumerable.Range(0, boards.Count).ToArray();
        int Root(int i) => lane[i] == i ? i : lane[i] = Root(lane[i]);
        for (int i = 0; i < boards.Count; i++)
            for (int j = 0; j < i; j++)
                if (MonitorSharing.SameMonitor(boards[i], boards[j])) lane[Root(i)] = Root(j);
        return cells.GroupBy(c => Root(boards.IndexOf(c.Board)))
            .Select(g => new PositionLane(g.Select(c => c.Board).Distinct().ToList(), g.ToList()))
            .ToList();
    }
}

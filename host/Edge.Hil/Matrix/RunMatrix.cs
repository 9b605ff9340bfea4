using Edge.Hil.Inputs;
using Edge.Hil.Rigs;

namespace Edge.Hil.Matrix;

/// <summary>
/// The cells of a run: every model on every chosen board at every firmware revision, ordered so
/// that a board is flashed once per revision (board, then firmware, then model).
/// </summary>
public static class RunMatrix
{
    public static IReadOnlyList<MatrixCell> Build(Rig rig, IReadOnlyList<ModelSource> models, IReadOnlyList<string> firmware, IReadOnlyList<string>? boards = null)
    {
        var chosen = rig.Boards.ToList();
        if (boards is { Count: > 0 })
        {
            foreach (string name in boards) rig.Board(name);
            chosen = chosen.Where(b => boards.Contains(b.Name)).ToList();
        }
        if (firmware.Count == 0) throw new ArgumentException("at least one firmware revision", nameof(firmware));
        if (firmware.Distinct().Count() != firmware.Count) throw new HilInputException("--firmware names a revision twice");
        return chosen.SelectMany(board => firmware.SelectMany(version => models.Select(model => new MatrixCell(model, board, version)))).ToList();
    }
}

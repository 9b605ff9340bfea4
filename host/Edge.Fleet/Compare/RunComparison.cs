using System.Globalization;
using Edge.Hil.Plan;
using Edge.Hil.Results;

namespace Edge.Fleet.Compare;

/// <summary>Which way a figure moved beyond its tolerance.</summary>
public enum Verdict
{
    Within,
    Better,
    Worse,
}

/// <summary>One figure of one cell in both runs.</summary>
public sealed record FigureChange(string Cell, string Figure, double? Before, double? After, double Change, string Unit, Verdict Verdict, string? Note = null)
{
    public string Describe() => Note ?? string.Create(CultureInfo.InvariantCulture,
        $"{Figure} {Before:G6} -> {After:G6} ({(Change >= 0 ? "+" : "")}{Change:0.###}{Unit})");
}

/// <summary>
/// `edge hil compare RUN_A RUN_B`: cells matched by model and board (and firmware when both runs measured
/// the same revisions; comparing two firmware revisions is the usual case, so otherwise firmware is not
/// part of the match). Energy and latency higher, accuracy lower, or a cell complete in A but not in B is
/// worse; the opposite moves are better; both are listed, only worse ones fail a CI job.
/// </summary>
public static class RunComparison
{
    public static ComparisonResult Compare(IReadOnlyList<CellResult> a, IReadOnlyList<CellResult> b, Tolerance tolerance)
    {
        bool sameFirmware = a.Select(r => r.Firmware).ToHashSet().SetEquals(b.Select(r => r.Firmware));
        string Key(CellResult r) => sameFirmware ? $"{r.Model}@{r.Board}@{r.Firmware}" : $"{r.Model}@{r.Board}";
        foreach (var (run, rows) in new[] { ("A", a), ("B", b) })
            if (rows.GroupBy(Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new Edge.Hil.Inputs.HilInputException($"run {run} has {twice.Count()} cells for {twice.Key} (several firmware revisions): compare runs of one revision each, or of the same revisions");
        var before = a.ToDictionary(Key);
        var after = b.ToDictionary(Key);
        var changes = new List<FigureChange>();
        int matched = 0;
        foreach (var (key, old) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(key, out var now))
            {
                changes.Add(new FigureChange(key, "cell", null, null, 0, "", Verdict.Worse, "missing from run B"));
                continue;
            }
            matched++;
            bool wasComplete = old.Status == CellStatus.Ok, isComplete = now.Status == CellStatus.Ok;
            if (wasComplete != isComplete)
            {
                changes.Add(new FigureChange(key, "status", null, null, 0, "", wasComplete ? Verdict.Worse : Verdict.Better,
                    $"status {old.Status} -> {now.Status}{(now.Reason is { } reason && !isComplete ? $" ({reason})" : "")}"));
                continue;
            }
            if (!isComplete) continue;
            Relative(changes, key, "energy_uj", old.EnergyUj, now.EnergyUj, tolerance.EnergyPercent);
            Relative(changes, key, "latency_us", old.LatencyUs, now.LatencyUs, tolerance.LatencyPercent);
            var (figure, was, isNow) = Score(old, now);
            if (was is { } x && isNow is { } y)
            {
                double delta = y - x;
                var verdict = Math.Abs(delta) <= tolerance.Accuracy ? Verdict.Within : delta < 0 ? Verdict.Worse : Verdict.Better;
                changes.Add(new FigureChange(key, figure, x, y, delta, "", verdict));
            }
        }
        foreach (var key in after.Keys.Except(before.Keys).Order(StringComparer.Ordinal))
            changes.Add(new FigureChange(key, "cell", null, null, 0, "", Verdict.Within, "new in run B"));
        return new ComparisonResult(changes, matched, sameFirmware);
    }

    private static void Relative(List<FigureChange> changes, string key, string figure, double? before, double? after, double tolerancePercent)
    {
        if (before is not { } x || after is not { } y || x == 0) return;
        double percent = (y - x) / Math.Abs(x) * 100;
        var verdict = Math.Abs(percent) <= tolerancePercent ? Verdict.Within : percent > 0 ? Verdict.Worse : Verdict.Better;
        changes.Add(new FigureChange(key, figure, x, y, percent, "%", verdict));
    }

    /// <summary>The accuracy figure both cells have: AUC on the board, else accuracy, else agreement with ONNX Runtime.</summary>
    private static (string Figure, double? Before, double? After) Score(CellResult a, CellResult b) =>
        a.AucBoard is not null && b.AucBoard is not null ? ("auc_board", a.AucBoard, b.AucBoard)
        : a.AccuracyBoard is not null && b.AccuracyBoard is not null ? ("accuracy_board", a.AccuracyBoard, b.AccuracyBoard)
        : ("decision_agreement", a.DecisionAgreement, b.DecisionAgreement);
}

/// <summary>Every compared figure; <see cref="Worse"/> decides the exit code.</summary>
public sealed record ComparisonResult(IReadOnlyList<FigureChange> Changes, int MatchedCells, bool MatchedOnFirmware)
{
    public IEnumerable<FigureChange> Worse => Changes.Where(c => c.Verdict == Verdict.Worse);

    public IEnumerable<FigureChange> Better => Changes.Where(c => c.Verdict == Verdict.Better);
}

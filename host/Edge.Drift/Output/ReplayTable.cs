using System.Globalization;
using Edge.Drift.Replay;
using Spectre.Console;

namespace Edge.Drift.Output;

/// <summary>The replay for people: one line per window, and the window's columns as a table.</summary>
public static class ReplayTable
{
    public static void Write(TextWriter writer, ReplayResult result, bool onlyDrifted)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        writer.WriteLine($"profile {result.ProfileSource}");
        writer.WriteLine($"data    {result.DataSource}: {result.Summary.Rows} rows, window {result.WindowSize}, anomalies from {result.AnomalySource}");
        foreach (var window in result.Windows)
        {
            writer.WriteLine();
            writer.WriteLine(
                $"window {window.Index} (rows {window.FirstRow}-{window.LastRow}): {window.DriftedFeatures} feature(s) drifted, share {F(window.DriftShare, 3)}, " +
                $"anomalies {window.Anomalies}/{window.Samples}{Missing(window.Columns.Sum(c => c.Missing))}, {window.Verdict}{(window.Alarm ? ", ALARM" : "")}{(window.Capture != "idle" ? $", capture {window.Capture}" : "")}");
            var rows = onlyDrifted ? window.Columns.Where(c => c.Drifted).ToList() : window.Columns.ToList();
            if (rows.Count == 0) continue;
            var table = new Table().Border(TableBorder.Simple);
            foreach (var header in new[] { "column", "test", "thr", "drift", "psi", "kl", "js", "hellinger", "tvd", "ks", "ks crit", "wasserstein", "chi2 / z", "missing" })
                table.AddColumn(new TableColumn(header).RightAligned());
            table.Columns[0].LeftAligned();
            foreach (var c in rows)
            {
                table.AddRow(
                    c.Name, c.Test, F(c.Threshold, 3), c.Drifted ? "yes" : "no", F(c.Psi), F(c.Kl), F(c.Js), F(c.Hellinger), F(c.Tvd),
                    F(c.Ks), F(c.KsCritical), c.Wasserstein is null ? "" : $"{F(c.Wasserstein)} ±{F(c.WassersteinBound, 3)}",
                    c.ChiSquare is not null ? F(c.ChiSquare) + (c.Z is not null ? $" / {F(c.Z, 2)}" : "") : c.Kind is "categorical" or "predicted-class" ? "inf" : "",
                    c.Missing.ToString(CultureInfo.InvariantCulture));
            }
            console.Write(table);
        }
        var s = result.Summary;
        writer.WriteLine();
        writer.WriteLine(
            $"summary: {s.Windows} window(s), {s.DriftingWindows} drifting, {s.BurstWindows} anomaly burst(s), " +
            (s.FirstConfirmedWindow is { } first ? $"drift confirmed at window {first}" : "no drift confirmed") +
            $", alarm {(s.AlarmAtEnd ? "raised" : "clear")} at the end" +
            (s.RowsInPartialWindow > 0 ? $"; {s.RowsInPartialWindow} row(s) in an unfinished window not evaluated" : "") +
            (s.CapturedRows > 0 ? $"; capture {s.CaptureState} with {s.CapturedRows} row(s)" : "") +
            (s.MissingValues > 0 ? $"; {s.MissingValues.ToString(CultureInfo.InvariantCulture)} missing value(s), kept out of the histograms" : ""));
    }

    private static string Missing(long count) => count > 0 ? $", {count.ToString(CultureInfo.InvariantCulture)} missing value(s)" : "";

    private static string F(double? value, int decimals = 4) =>
        value is null ? "" : double.IsInfinity(value.Value) ? "inf" : value.Value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}

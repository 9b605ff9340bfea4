using System.Globalization;
using Spectre.Console;

namespace Edge.Cli.Commands.Demo;

/// <summary>
/// What the demo shows while the boards run: per board what it computed (from the board itself)
/// next to what a PLC reads from the bridge over ADS. A live table on an interactive terminal;
/// a line per board and second otherwise (logs, tests).
/// </summary>
internal sealed class DemoView(TextWriter output, bool interactive)
{
    private readonly Dictionary<string, string> _lastLine = new();

    public bool Interactive => interactive;

    public sealed record Row(string Board, string Phase, long Samples, long Inferences, double AnomalyRate, double DriftShare, string Verdict, bool BoardAlarm, PlcReading? Plc);

    public Table Render(IReadOnlyList<Row> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]simulated boards[/] and what the PLC reads over ADS");
        foreach (var header in new[] { "board", "sensor", "samples", "inferences", "anomaly rate", "features drifted", "verdict", "alarm", "ADS: Online", "ADS: DriftScore", "ADS: DriftAlarm" })
            table.AddColumn(header);
        foreach (var r in rows)
        {
            string bar = new string('#', (int)Math.Round(r.DriftShare * 20)).PadRight(20, '.');
            table.AddRow(r.Board, r.Phase, r.Samples.ToString("N0", CultureInfo.InvariantCulture), r.Inferences.ToString("N0", CultureInfo.InvariantCulture),
                r.AnomalyRate.ToString("P0", CultureInfo.InvariantCulture), $"{bar} {r.DriftShare:P0}", r.Verdict,
                r.BoardAlarm ? "[red bold]ALARM[/]" : "[green]clear[/]",
                r.Plc is { } p ? (p.Online ? "TRUE" : "FALSE") : "", r.Plc is { } q ? q.DriftScore.ToString("0.000", CultureInfo.InvariantCulture) : "",
                r.Plc is { } a ? (a.DriftAlarm ? "[red bold]TRUE[/]" : "FALSE") : "");
        }
        return table;
    }

    /// <summary>Non-interactive: one line per board when its state changed.</summary>
    public void WriteLines(IReadOnlyList<Row> rows)
    {
        foreach (var r in rows)
        {
            string plc = r.Plc is { } p ? $" | ADS: Online={(p.Online ? "TRUE" : "FALSE")} DriftScore={p.DriftScore:0.000} DriftAlarm={(p.DriftAlarm ? "TRUE" : "FALSE")} Samples={p.Samples}" : "";
            string line = $"  {r.Board} ({r.Phase}): {r.Samples,5} samples, anomaly rate {r.AnomalyRate,4:P0}, drift {r.DriftShare,4:P0} of features, {r.Verdict}{(r.BoardAlarm ? ", ALARM" : "")}{plc}";
            string key = $"{r.Phase}{r.Verdict}{r.BoardAlarm}{r.Plc?.DriftAlarm}{r.Plc?.Online}";
            if (_lastLine.TryGetValue(r.Board, out var previous) && previous == key && r.Samples % 1000 > 150) continue;
            _lastLine[r.Board] = key;
            output.WriteLine(line);
        }
    }
}

using System.Globalization;
using System.Text;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Common.Files;
using Edge.Reports.Page;
using Edge.Reports.Plots;

namespace Edge.Hil.Report;

/// <summary>
/// `edge hil report`: one self-contained HTML page from a run folder (combining its results
/// first): energy and latency per model and board, accuracy loss against ONNX Runtime, current
/// traces with the inference windows, failures, and every figure in a table. The page and its plots
/// (ScottPlot, inline SVG) are Edge.Reports' shared code; the only script switches traces. Nothing
/// is fetched: the page works offline.
/// </summary>
public static class HilReport
{
    public const int MaxTraces = 24;

    public static async Task<ReportSummary> WriteAsync(string runFolder, string? output = null, IReadOnlyList<string>? traceCells = null)
    {
        var directory = RunDirectory.Existing(runFolder);
        var manifest = directory.ReadManifest()!;
        var cellProblems = directory.Unreadable(manifest);
        var results = await directory.CombineAsync(manifest).ConfigureAwait(false);
        if (results.Count == 0 && cellProblems.Count > 0)
            throw new Inputs.HilInputException($"{runFolder}: none of its {cellProblems.Count} cell result file(s) can be read ({cellProblems[0]}{(cellProblems.Count > 1 ? "; ..." : "")}); " +
                "run `edge hil run` again on this folder with --resume to measure those cells again");
        var measured = results.Where(r => r.Status == CellStatus.Ok).ToList();
        var chosen = traceCells is { Count: > 0 } ? measured.Where(r => traceCells.Contains(r.Cell)).ToList() : measured.Take(MaxTraces).ToList();
        foreach (string wanted in traceCells ?? [])
            if (measured.All(r => r.Cell != wanted)) throw new Inputs.HilInputException($"--trace {wanted}: no measured cell of that name in {runFolder}");
        var traces = new List<(CellResult Row, StoredTrace Trace)>();
        var unreadable = cellProblems.ToList();
        foreach (var row in chosen)
        {
            string path = Path.Combine(directory.Root, row.TraceFile ?? "");
            if (row.TraceFile is null || !File.Exists(path)) continue;
            try
            {
                traces.Add((row, await TraceFile.ReadAsync(path).ConfigureAwait(false)));
            }
            catch (Inputs.HilInputException e)
            {
                unreadable.Add($"{row.TraceFile}: {e.Message[(path.Length + 2)..]}");
            }
        }
        string html = Page(manifest, results, traces, unreadable);
        string target = output ?? directory.ReportPath;
        AtomicFile.Write(target, Encoding.UTF8.GetBytes(html));
        return new ReportSummary(target, results.Count, measured.Count, traces.Count) { Unreadable = unreadable.Count == 0 ? Array.Empty<string>() : unreadable.ToArray() };
    }

    public static string Page(RunManifest manifest, IReadOnlyList<CellResult> results, IReadOnlyList<(CellResult Row, StoredTrace Trace)> traces,
        IReadOnlyList<string>? unreadable = null)
    {
        var measured = results.Where(r => r.Status == CellStatus.Ok).ToList();
        bool severalFirmware = results.Select(r => r.Firmware).Distinct().Count() > 1;
        string Series(CellResult r) => severalFirmware ? $"{r.Board} @ {r.Firmware}" : r.Board;
        var page = new ReportPage($"HIL run: {manifest.Rig}", $"HIL run on rig '{manifest.Rig}'");
        page.Meta($"{results.Count} of {manifest.Cells.Count} cells have a result: {Count(results, CellStatus.Ok)} measured, " +
            $"{Count(results, CellStatus.DoesNotFit)} do not fit, {Count(results, CellStatus.Failed)} failed. Firmware: {string.Join(", ", manifest.Firmware)}. " +
            $"Rig file {manifest.RigFile}; edge {manifest.EdgeVersion}.");
        if (unreadable is { Count: > 0 })
            page.Banner($"{unreadable.Count} file(s) of this run could not be read and are left out of what follows: {string.Join("; ", unreadable)}. " +
                "Run the same `edge hil run` with --resume to measure them again.");
        if (manifest.Simulated)
            page.Banner("Every board of this rig is simulated: energy and latency follow the simulated boards' cost model and are not measurements of hardware. " +
                "The samples did pass through the real power-monitor driver and protocol parser, and the accuracy figures come from the device code run against ONNX Runtime.");

        page.Section("Energy per inference");
        page.Raw(GroupedBarChart.Render("energy-chart", "µJ per inference", measured.Select(r => new BarValue(r.Model, Series(r), r.EnergyUj!.Value, r.EnergyUjSd,
            $"{r.Cell}: {F(r.EnergyUj)} µJ ± {F(r.EnergyUjSd)} over {r.Inferences} inferences{(r.ExpectedEnergyUj is { } e ? $" (cost model {F(e)} µJ)" : "")}")).ToList()));
        page.Note("Mean over the measured inferences, integrated between trigger edges (E = V·∫I dt); the whisker is one standard deviation.");

        page.Section("Latency");
        page.Raw(GroupedBarChart.Render("latency-chart", "ms per inference", measured.Select(r => new BarValue(r.Model, Series(r), r.LatencyUs!.Value / 1000,
            (r.LatencyUsMax - r.LatencyUsMin) / 2000, $"{r.Cell}: {F(r.LatencyUs / 1000)} ms (board clock, min {F(r.LatencyUsMin / 1000)}, max {F(r.LatencyUsMax / 1000)})")).ToList()));
        page.Note("As timed by the board's clock; the whisker is half the range between the fastest and slowest inference.");

        page.Section("Accuracy loss against ONNX Runtime");
        var auc = measured.Where(r => r.AucBoard is not null && r.AucFloat is not null).ToList();
        page.Raw(GroupedBarChart.Render("accuracy-chart", "AUC on the board − AUC in float (points)", auc.Select(r => new BarValue(r.Model, Series(r),
            (r.AucBoard!.Value - r.AucFloat!.Value) * 100, null, $"{r.Cell}: AUC {F(r.AucBoard, "0.0000")} on the board, {F(r.AucFloat, "0.0000")} in float")).ToList()));
        AccuracyTable(page, measured);

        page.Section("Current traces");
        Traces(page, traces);

        page.Section("Failures and misfits");
        Failures(page, results);

        page.Section("All results");
        ResultsTable(page, results);
        page.Note("The same figures are in results.parquet and results.json beside this page; raw traces in traces/.");
        if (traces.Count > 0) page.Script(TraceSwitch);
        return page.ToString();
    }

    /// <summary>Shows the trace chosen in the list (the first is shown without script).</summary>
    private const string TraceSwitch = """
        document.getElementById('trace-select').addEventListener('change', function (e) {
          document.querySelectorAll('.trace-view').forEach(function (view) {
            view.style.display = view.getAttribute('data-cell') === e.target.value ? 'block' : 'none';
          });
        });
        """;

    private static void AccuracyTable(ReportPage page, IReadOnlyList<CellResult> measured)
    {
        page.Table(["cell", "rows", "task", "max |error|", "RMSE", "cosine", "decisions agree", "F1 float", "F1 board", "AUC float", "AUC board"], measured.Select(r => new[]
        {
            r.Cell, F(r.AccuracyRows, "0"), r.Task ?? "", F(r.MaxAbsError, "0.####"), F(r.Rmse, "0.####"), F(r.Cosine, "0.#####"), Percent(r.DecisionAgreement),
            F(r.F1Float, "0.####"), F(r.F1Board, "0.####"), F(r.AucFloat, "0.####"), F(r.AucBoard, "0.####"),
        }).ToList(), textColumns: 3);
    }

    private static void Traces(ReportPage page, IReadOnlyList<(CellResult Row, StoredTrace Trace)> traces)
    {
        if (traces.Count == 0)
        {
            page.Note("No measured cell has a trace.");
            return;
        }
        var markup = page.Markup;
        markup.Open("select", ("id", "trace-select"));
        foreach (var (row, _) in traces) markup.Element("option", row.Cell, ("value", row.Cell));
        markup.Close("select");
        for (int i = 0; i < traces.Count; i++)
        {
            var (row, stored) = traces[i];
            markup.Open("div", ("class", "trace-view"), ("data-cell", row.Cell), ("style", i == 0 ? "display: block" : "display: none"));
            markup.Raw(TraceChart.Render("trace-" + i.ToString(CultureInfo.InvariantCulture), stored));
            markup.Element("p", $"{row.Cell}: {stored.Trace.Count} samples at {F(stored.Trace.SampleRateHertz / 1000, "0.###")} kHz, {F(stored.Trace.SupplyVolts)} V; " +
                $"shaded: the {stored.Measured.Count} measured inferences ({row.WindowsFrom}); warm-ups before them are not shaded.", ("class", "note"));
            markup.Close("div");
        }
    }

    private static void Failures(ReportPage page, IReadOnlyList<CellResult> results)
    {
        var bad = results.Where(r => r.Status != CellStatus.Ok).ToList();
        if (bad.Count == 0)
        {
            page.Note("None: every cell was measured.");
            return;
        }
        page.Table(["cell", "status", "phase", "attempts", "reason"], bad.Select(r => new[] { r.Cell, r.Status, r.FailedPhase ?? "", F(r.Attempts, "0"), r.Reason ?? "" }).ToList(),
            textColumns: 5, rowClass: i => bad[i].Status);
    }

    private static void ResultsTable(ReportPage page, IReadOnlyList<CellResult> results)
    {
        page.Table(["cell", "status", "µJ", "± µJ", "cost model µJ", "latency µs", "window µs", "model B", "arena B", "attempts"], results.Select(r => new[]
        {
            r.Cell, r.Status, F(r.EnergyUj, "0.###"), F(r.EnergyUjSd, "0.###"), F(r.ExpectedEnergyUj, "0.###"), F(r.LatencyUs, "0.#"), F(r.WindowUs, "0.#"),
            F(r.ModelBytes, "0"), F(r.ArenaBytes, "0"), F(r.Attempts, "0"),
        }).ToList(), textColumns: 2, rowClass: i => results[i].Status);
    }

    private static int Count(IReadOnlyList<CellResult> results, string status) => results.Count(r => r.Status == status);

    private static string F(double? value, string format = "0.###") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : "";
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Edge.Hil.Plan;
using Edge.Hil.Report;
using Edge.Hil.Results;
using Edge.Hil.Run;
using Edge.Hil.Tests.Support;
using Edge.Reports.Plots;
using Edge.TestSupport;

namespace Edge.Hil.Tests;

/// <summary>
/// The report of a small run with measured, misfit and failed cells, as headless Chromium draws it:
/// each plot has a bar per cell in its board's colour, labelled with its value, at a height
/// proportional to it; the trace view shades the stored windows where they are in time; failures
/// are listed with their reasons, nothing is fetched from elsewhere; the screenshot has the plots.
/// </summary>
[TestClass]
public sealed class ReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    private static RunSummary s_run = null!;
    private static string s_out = null!;
    private static ReportSummary s_report = null!;
    private static XDocument s_page = null!;

    private const string RigYaml = """
        rig: report
        measurement: { warmup: 1, inferences: 4, accuracy-rows: 60, cell-timeout: 30s, retries: 0 }
        boards:
          - name: f746
            kind: simulated
            profile: nucleo-f746zg
            monitor: { kind: simulated }
          - name: small
            kind: simulated
            profile: nucleo-f746zg
            budgets: { arena: 120 }     # the MLP's 112-byte arena fits, the autoencoder's 144 bytes do not
            monitor: { kind: simulated }
          - name: flaky
            kind: simulated
            profile: nucleo-f401re
            monitor: { kind: simulated }
            simulation: { monitor-faults: drop@30ms, fault-attempts: 0 }
        """;

    [ClassInitialize]
    public static async Task RunAndReport(TestContext context)
    {
        string folder = RepoPaths.TempDirectory("hil-report");
        s_out = Path.Combine(folder, "out");
        s_run = await HilRunner.RunAsync(new HilRunOptions
        {
            Rig = Fixtures.Rig(RigYaml, folder),
            Models = [ConvertedModels.Both],
            Data = [RepoPaths.MotorFlux("test_164V.features.csv")],
            OutputDirectory = s_out,
        }, NoProgress.Instance, CancellationToken.None);
        s_report = await HilReport.WriteAsync(s_out);
        using var reader = XmlReader.Create(s_report.Path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        s_page = XDocument.Load(reader);
    }

    private static List<CellResult> Measured => s_run.Results.Where(r => r.Status == CellStatus.Ok).ToList();

    private static string CopyOfTheRun(string purpose)
    {
        string copy = Path.Combine(RepoPaths.TempDirectory(purpose), "out");
        foreach (string file in Directory.GetFiles(s_out, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(s_out, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [TestMethod]
    public async Task DamagedCellAndTraceFilesAreStatedNotSilentlyDropped()
    {
        string copy = CopyOfTheRun("hil-report-damaged");
        var directory = RunDirectory.Existing(copy);
        string cell = Measured[0].Cell, traced = Measured[1].Cell;
        File.WriteAllText(directory.CellPath(cell), "{\"cell\": \"" + cell[..4]);
        File.WriteAllBytes(directory.TracePath(traced), "PAR1 cut short"u8.ToArray());
        var report = await HilReport.WriteAsync(copy);
        Assert.AreEqual(5, report.Cells, "the damaged cell is left out of the figures");
        Assert.AreEqual(2, report.Unreadable.Count, string.Join("\n", report.Unreadable));
        StringAssert.StartsWith(report.Unreadable[0], $"cells/{cell}.json: not a cell result");
        StringAssert.StartsWith(report.Unreadable[1], $"traces/{traced}.parquet: ");
        StringAssert.Contains(File.ReadAllText(report.Path), "2 file(s) of this run could not be read");

        var run = EdgeRun.Of("hil", "report", copy);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(2, run.Error.Split('\n').Count(l => l.StartsWith("warning: ", StringComparison.Ordinal)), run.ToString());
        StringAssert.Contains(run.Out, "2 file(s) unreadable");
    }

    [TestMethod]
    public async Task ARunWhoseCellFilesAreAllDamagedHasNoReport()
    {
        string copy = CopyOfTheRun("hil-report-ruined");
        foreach (string file in Directory.GetFiles(Path.Combine(copy, "cells"))) File.WriteAllBytes(file, [0x7B, 0x00]);
        File.Delete(Path.Combine(copy, "report.html"));
        var e = await Assert.ThrowsExactlyAsync<Inputs.HilInputException>(() => HilReport.WriteAsync(copy));
        StringAssert.Contains(e.Message, "none of its 6 cell result file(s) can be read");
        var run = EdgeRun.Of("hil", "report", copy);
        Assert.AreEqual(3, run.ExitCode, run.ToString());
        Assert.IsFalse(File.Exists(Path.Combine(copy, "report.html")), "no empty '0 cells' page is written");
    }

    [TestMethod]
    public void TheRunHasEveryKindOfOutcome()
    {
        Assert.AreEqual(3, Measured.Count, string.Join("\n", s_run.Results.Select(r => $"{r.Cell} {r.Status} {r.Reason}")));
        Assert.AreEqual("flux_autoencoder@small@current", s_run.Results.Single(r => r.Status == CellStatus.DoesNotFit).Cell);
        Assert.AreEqual(2, s_run.Failed);
        Assert.AreEqual(new ReportSummary(s_report.Path, 6, 3, 3), s_report);
    }

    private static readonly Lazy<IReadOnlyDictionary<string, RenderedChart>> s_rendered = new(() => RenderedPage.Charts(s_report.Path));

    /// <summary>The bar chart's bars as Chromium drew them, and the cells in the order models (groups, sorted) then boards (series, in order of appearance) put them.</summary>
    private static (List<CellResult> Rows, List<RenderedShape> Bars) DrawnBars(string chart, IReadOnlyList<CellResult> rows)
    {
        var boards = rows.Select(r => r.Board).Distinct().ToList();
        var drawn = s_rendered.Value[chart];
        Assert.IsTrue(drawn.Visible, chart);
        var bars = boards.SelectMany((_, s) => drawn.Filled(ReportPalette.Of(s))).OrderBy(b => b.X).ToList();
        var expected = rows.OrderBy(r => r.Model, StringComparer.Ordinal).ThenBy(r => boards.IndexOf(r.Board)).ToList();
        return (expected, bars);
    }

    private static double Expected(CellResult row, string figure) => figure switch
    {
        "energy_uj" => row.EnergyUj!.Value,
        "latency_us" => row.LatencyUs!.Value / 1000,
        _ => (row.AucBoard!.Value - row.AucFloat!.Value) * 100,
    };

    [TestMethod]
    [DataRow("energy-chart", "energy_uj")]
    [DataRow("latency-chart", "latency_us")]
    public void EachPlotHasABarPerMeasuredCellInItsBoardsColourLabelledWithItsValue(string chart, string figure)
    {
        var (rows, bars) = DrawnBars(chart, Measured);
        Assert.HasCount(rows.Count, bars, "one bar per measured cell, drawn in its board's colour");
        var boards = Measured.Select(r => r.Board).Distinct().ToList();
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.AreEqual(ReportPalette.Of(boards.IndexOf(rows[i].Board)), bars[i].Fill, true, rows[i].Cell);
            Assert.IsTrue(s_rendered.Value[chart].HasText(ValueAxis.Tick(Expected(rows[i], figure))), $"{rows[i].Cell}: its value over the bar");
        }
        foreach (string board in boards) Assert.IsTrue(s_rendered.Value[chart].HasText(board), $"the legend names {board}");
        foreach (string model in Measured.Select(r => r.Model).Distinct()) Assert.IsTrue(s_rendered.Value[chart].HasText(model), $"the axis names {model}");
    }

    [TestMethod]
    public void TheAccuracyPlotLabelsEveryCellsLoss()
    {
        var withAuc = Measured.Where(r => r.AucBoard is not null && r.AucFloat is not null).ToList();
        Assert.IsNotEmpty(withAuc);
        foreach (var row in withAuc)
            Assert.IsTrue(s_rendered.Value["accuracy-chart"].HasText(ValueAxis.Tick(Expected(row, "auc_delta"))),
                $"{row.Cell}: {ValueAxis.Tick(Expected(row, "auc_delta"))} not among {string.Join(" | ", s_rendered.Value["accuracy-chart"].Texts.Select(t => t.Text))}");
    }

    [TestMethod]
    [DataRow("energy-chart", "energy_uj")]
    [DataRow("latency-chart", "latency_us")]
    public void BarHeightsAreProportionalOnALinearAxis(string chart, string figure)
    {
        // The energies (and latencies) lie within a factor of two: a linear axis from zero, so drawn height / value is one scale.
        Assert.IsFalse(s_rendered.Value[chart].Texts.Any(t => t.Text.Contains("log scale")));
        var (rows, bars) = DrawnBars(chart, Measured);
        var scales = rows.Select((r, i) => bars[i].Height / Expected(r, figure)).ToList();
        Assert.IsTrue(scales.Max() / scales.Min() < 1.02, string.Join(", ", scales));
        Assert.IsTrue(bars.Max(b => b.Bottom) - bars.Min(b => b.Bottom) < 1, "every bar stands on zero");
    }

    [TestMethod]
    public async Task TheTraceViewShowsTheStoredSamplesAndWindows()
    {
        var views = s_page.Descendants(Xhtml + "div").Where(d => (string?)d.Attribute("class") == "trace-view").ToList();
        Assert.AreEqual(Measured.Count, views.Count);
        foreach (var view in views)
        {
            var row = Measured.Single(r => r.Cell == (string?)view.Attribute("data-cell"));
            var stored = await TraceFile.ReadAsync(Path.Combine(s_out, row.TraceFile!));
            var svg = view.Descendants(Svg + "svg").Single();
            StringAssert.StartsWith(svg.Element(Svg + "title")!.Value, $"current of {stored.Trace.Count} samples");
            var windows = svg.Descendants(Svg + "rect").Where(r => string.Equals((string?)r.Attribute("fill"), TraceChart.WindowColour, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.AreEqual(row.Inferences, windows.Count, "one shaded span per measured inference");
        }
        Assert.AreEqual("display: block", (string?)views[0].Attribute("style"), "the first trace shows without script");

        // The first trace as Chromium drew it: its spans sit where the stored windows are on the time axis.
        var first = Measured.Single(r => r.Cell == (string?)views[0].Attribute("data-cell"));
        var trace = await TraceFile.ReadAsync(Path.Combine(s_out, first.TraceFile!));
        var drawn = s_rendered.Value["trace-0"];
        var spans = drawn.Filled(TraceChart.WindowColour);
        Assert.HasCount(first.Inferences!.Value, spans);
        double seconds = trace.Trace.DurationSeconds;
        for (int i = 0; i < spans.Count; i++)
            Assert.AreEqual(drawn.DataArea.X + drawn.DataArea.Width * trace.Measured[i].Start / seconds, spans[i].X, 1.0,
                $"window {i} starts at {trace.Measured[i].Start} s of {seconds} s; data area x {drawn.DataArea.X} width {drawn.DataArea.Width}; spans at {string.Join(", ", spans.Select(p => p.X))}");
        Assert.IsNotEmpty(drawn.Filled(TraceChart.BandColour), "the current band");
    }

    [TestMethod]
    public void FailuresAreListedWithTheirReasons()
    {
        var rows = s_page.Descendants(Xhtml + "tr").Where(r => (string?)r.Attribute("class") is CellStatus.Failed or CellStatus.DoesNotFit).ToList();
        foreach (var result in s_run.Results.Where(r => r.Status != CellStatus.Ok))
            Assert.IsTrue(rows.Any(r => r.Value.Contains(result.Cell) && r.Value.Contains(result.Reason!)), result.Cell);
    }

    [TestMethod]
    public void ThePageFetchesNothing()
    {
        string html = File.ReadAllText(s_report.Path);
        foreach (var element in s_page.Descendants())
        {
            foreach (var attribute in element.Attributes().Where(a => a.Name.LocalName is "src" or "href")) Assert.Fail($"<{element.Name.LocalName} {attribute}> refers to a file or address");
            Assert.AreNotEqual("link", element.Name.LocalName);
        }
        foreach (string address in new[] { "http:", "https:" })
        {
            int count = html.Split(address).Length - 1;
            int namespaces = html.Split("xmlns=\"" + address).Length - 1;
            Assert.AreEqual(namespaces, count, "the only addresses are XML namespace names");
        }
    }

    [TestMethod]
    public void HeadlessChromiumRendersThePlots()
    {
        string png = HeadlessChromium.Screenshot(s_report.Path, Path.Combine(s_out, "report.png"));
        var image = PngImage.Read(png);
        Assert.AreEqual((1280, 2000), (image.Width, image.Height));
        var colours = new Dictionary<int, int>();
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++) colours[image.Pixel(x, y)] = colours.GetValueOrDefault(image.Pixel(x, y)) + 1;
        Assert.IsTrue(colours.Count > 50, $"{colours.Count} colours: a blank or one-colour page");
        // The first series' bars are #1f77b4 in all three charts; the second's #e6550d; the trace's inference windows #fdd49e at
        // 60 % over white (#fee5c5) and its line #08519c. Enough of each means the SVG was drawn.
        int bars = Near(colours, 0x1f77b4, 6), others = Near(colours, 0xe6550d, 6), windows = Near(colours, 0xfee5c5, 6), line = Near(colours, 0x08519c, 20);
        Console.WriteLine($"screenshot {png}: {colours.Count} colours; pixels: {bars} first series, {others} second series, {windows} windows, {line} current line");
        Assert.IsTrue(bars > 5000, "the first series' bars");
        Assert.IsTrue(others > 5000, "the second series' bars");
        Assert.IsTrue(windows > 5000, "the trace's inference windows");
        Assert.IsTrue(line > 800, "the trace's current line");
    }

    private static int Near(Dictionary<int, int> colours, int rgb, int tolerance) =>
        colours.Where(c => Math.Abs((c.Key >> 16) - (rgb >> 16)) <= tolerance && Math.Abs(((c.Key >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
                           && Math.Abs((c.Key & 255) - (rgb & 255)) <= tolerance).Sum(c => c.Value);

}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.Drift.Report;
using Edge.Drift.Report.Charts;
using Edge.Reports.Plots;
using Edge.TestSupport;

namespace Edge.Drift.Tests;

/// <summary>
/// The drift report of the demo's data (2,000 rows at 164 V, then 2,000 at 289 V) as headless
/// Chromium draws it: each window's marker where its share of drifted features puts it, in its
/// verdict's colour; the alarm shaded from the confirming window on, the confirmation rule written;
/// one ranking bar per feature in its decision's colour; the drifted feature's current histogram
/// as counted here from the raw CSV values on the profile's edges; data quality as counted here
/// from the raw values; nothing fetched from elsewhere; a screenshot kept for a reader.
/// </summary>
[TestClass]
public sealed class DriftReportTests
{
    private const int Windows = 20, WindowSize = 200;
    private static DriftProfile s_profile = null!;
    private static ReplayResult s_replay = null!;
    private static DriftReportModel s_model = null!;
    private static string s_html = null!;
    private static XDocument s_page = null!;
    private static IReadOnlyDictionary<string, RenderedChart> s_charts = null!;
    private static Table s_drift = null!;

    [ClassInitialize]
    public static void Render(TestContext context)
    {
        // The demo's profile: the FFT bins around the fundamental and the load.
        s_profile = ProfileBuilder.Build(MotorFluxFixture.Train, new ProfileOptions { Columns = ["f[5-9]", "f1[0-5]"], Categorical = ["load"] });
        var normal = MotorFluxFixture.Read("test_164V");
        s_drift = MotorFluxFixture.Read("drift_289V");
        s_replay = ReplayRunner.Run(s_profile, "motor.edgp", Table.Concatenate([normal, s_drift]), new ReplayOptions());
        s_model = DriftReportBuilder.FromReplay(s_profile, "motor.edgp", [normal, s_drift], new ReplayOptions());
        string folder = RepoPaths.TempDirectory("drift-report");
        s_html = Path.Combine(folder, "drift-report.html");
        File.WriteAllText(s_html, DriftReportPage.Render(s_model));
        using var reader = XmlReader.Create(s_html, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        s_page = XDocument.Load(reader);
        s_charts = RenderedPage.Charts(s_html);
    }

    private static WindowRecord Confirmed => s_replay.Windows.First(w => w.Verdict == "confirmed");

    [TestMethod]
    public void TheReplayConfirmsDriftInThe289VoltData()
    {
        Assert.HasCount(Windows, s_replay.Windows);
        Assert.IsTrue(s_replay.Windows.Take(10).All(w => !w.Alarm), "no alarm over the 164 V rows");
        Assert.IsGreaterThan(10, Confirmed.Index, "confirmed within the 289 V rows");
        Assert.AreEqual(Confirmed.Index, s_model.FocusWindow, "the confirming window is shown in detail");
        StringAssert.StartsWith(s_page.Descendants().Single(e => (string?)e.Attribute("id") == "verdict").Value,
            $"Drift confirmed at window {Confirmed.Index} (rows {Confirmed.FirstRow:N0}-{Confirmed.LastRow:N0})");
    }

    [TestMethod]
    public void EachWindowIsAMarkerAtItsShareInItsVerdictsColour()
    {
        var chart = s_charts["timeline-chart"];
        Assert.IsTrue(chart.Visible);
        var area = chart.DataArea;
        foreach (var (verdict, colour) in TimelineChart.VerdictColours)
        {
            var expected = s_replay.Windows.Where(w => w.Verdict == verdict).ToList();
            var markers = chart.Filled(colour).Where(s => s.Opacity == 1 && s.Width < 20 && s.Height < 20).ToList();
            Assert.HasCount(expected.Count, markers, $"{verdict}: one marker per window");
            foreach (var (window, marker) in expected.Zip(markers))
            {
                // x from 0.5 to 20.5 windows, y from 0 to 1.2 (share) across the data area.
                double x = area.X + (window.Index - 0.5) / Windows * area.Width, y = area.Bottom - window.DriftShare / 1.2 * area.Height;
                Assert.AreEqual(x, marker.X + marker.Width / 2, 2, $"window {window.Index}: x");
                Assert.AreEqual(y, marker.Y + marker.Height / 2, 2, $"window {window.Index}: y (share {window.DriftShare})");
            }
        }
    }

    [TestMethod]
    public void TheAlarmIsShadedFromTheConfirmingWindowAndTheRuleIsWritten()
    {
        var chart = s_charts["timeline-chart"];
        var area = chart.DataArea;
        var shaded = chart.Filled(ReportPalette.Alarm).Where(s => s.Opacity < 0.5).ToList();
        Assert.HasCount(1, shaded, "one run of alarm: raised at the confirming window and still raised at the end");
        Assert.AreEqual(area.X + (Confirmed.Index - 1.0) / Windows * area.Width, shaded[0].X, 2);
        Assert.AreEqual(area.X + area.Width, shaded[0].X + shaded[0].Width, 2);
        Assert.IsTrue(chart.HasText($"{s_profile.Policy.ConsecutiveWindows} drifting windows in a row: confirmed at window {Confirmed.Index}"),
            string.Join(" | ", chart.Texts.Select(t => t.Text)));
        Assert.IsTrue(chart.HasText("drift_289V.features.csv →"), "where the second file starts");
    }

    [TestMethod]
    public void TheRankingHasABarPerFeatureInItsDecisionsColourLongestFirst()
    {
        var chart = s_charts["ranking-chart"];
        var columns = Confirmed.Columns;
        var red = chart.Filled(ReportPalette.Alarm).Where(s => s.Opacity == 1).ToList();
        var green = chart.Filled(ReportPalette.Calm).Where(s => s.Opacity == 1).ToList();
        Assert.HasCount(columns.Count(c => c.Drifted), red, "drifted features");
        Assert.HasCount(columns.Count(c => !c.Drifted), green, "features that did not drift");
        var bars = red.Concat(green).OrderBy(b => b.Y).ToList();
        for (int i = 1; i < bars.Count; i++)
            Assert.IsGreaterThanOrEqualTo(bars[i].Width - 0.5, bars[i - 1].Width, "ranked: no bar below is longer than the one above");
        // The most drifted feature by the replay's own numbers is at the top.
        var top = columns.OrderByDescending(c => (c.Test == "wasserstein" ? c.Wasserstein ?? 0 : c.Js) / c.Threshold).First();
        Assert.AreEqual(top.Name, s_model.Ranked[0].Name);
        Assert.IsTrue(chart.HasText($"{top.Name} ({top.Test})"));
    }

    [TestMethod]
    public void TheTopFeaturesCurrentHistogramIsTheRawDataOnTheProfilesBins()
    {
        string name = s_model.Ranked[0].Name;
        var column = s_profile.Columns.Single(c => c.Name == name);
        // The confirming window's rows, counted here from the CSV's numbers on the profile's edges: slot i holds (edge[i-1], edge[i]].
        var edges = column.Edges.Select(e => FixedPointInput.ToDouble(e, column.Shift)).ToArray();
        var values = s_drift.Numbers(name).Skip((int)(Confirmed.FirstRow - 1 - 2000)).Take(WindowSize).ToArray();
        var counts = new int[edges.Length + 1];
        foreach (double v in values) counts[edges.Count(e => e < v)]++;
        double[] current = counts.Select(n => (double)n / WindowSize).ToArray();
        double[] reference = column.RefCounts.Select(n => (double)n / column.ReferenceRows).ToArray();
        double top = Math.Max(current.Max(), reference.Max()) * 1.25;

        int index = s_model.Ranked.ToList().FindIndex(f => f.Name == name);
        var chart = s_charts["feature-" + index.ToString(CultureInfo.InvariantCulture)];
        var drawn = chart.Filled(ReportPalette.Current);
        var nonzero = current.Where(s => s > 0).ToList();
        Assert.HasCount(nonzero.Count, drawn, $"{name}: a current bar for every bin the window's rows fall in ({string.Join(", ", counts)})");
        foreach (var (share, bar) in nonzero.Zip(drawn))
            Assert.AreEqual(share / top * chart.DataArea.Height, bar.Height, 0.01 * chart.DataArea.Height + 1, $"{name}: bar of share {share}");
        Assert.HasCount(reference.Count(s => s > 0), chart.Filled(ReportPalette.Reference), "a reference bar per bin");
    }

    [TestMethod]
    public void DataQualityCountsAreTheRawValuesOutsideTheReferenceRange()
    {
        var rows = s_page.Descendants().Single(e => e.Name.LocalName == "table" && (string?)e.Attribute("id") == "quality-table")
            .Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).ToList();
        Assert.HasCount(s_profile.Columns.Length, rows);
        foreach (var row in rows)
        {
            var cells = row.Elements().Select(e => e.Value).ToList();
            if (cells[1] != "numeric") continue;
            var values = s_drift.Numbers(cells[0]).Skip((int)(Confirmed.FirstRow - 1 - 2000)).Take(WindowSize).ToArray();
            double max = MotorFluxFixture.Train.Numbers(cells[0]).Max(), min = MotorFluxFixture.Train.Numbers(cells[0]).Min();
            Assert.AreEqual("200", cells[2], cells[0]);
            Assert.AreEqual("0", cells[3], $"{cells[0]}: no value is missing in the CSV");
            Assert.AreEqual(values.Count(v => v < min), int.Parse(cells[4], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, $"{cells[0]} below the reference's min");
            Assert.AreEqual(values.Count(v => v > max), int.Parse(cells[5], NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, $"{cells[0]} above the reference's max");
        }
    }

    [TestMethod]
    public void ThePageNeedsNothingFromElsewhereAndItsScreenshotHasThePlots()
    {
        var outside = s_page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" && !a.Value.StartsWith('#')).ToList();
        Assert.IsEmpty(outside, string.Join(", ", outside));
        Assert.IsFalse(s_page.Descendants().Any(e => e.Name.LocalName == "script"), "no script");
        Assert.AreEqual(2 + s_profile.Columns.Length, s_charts.Count, "timeline, ranking and a histogram per feature");
        Assert.IsTrue(s_charts.Values.All(c => c.Visible));

        string png = HeadlessChromium.Screenshot(s_html, Path.Combine(Path.GetDirectoryName(s_html)!, "drift-report.png"), 1280, 1200);
        var image = PngImage.Read(png);
        Assert.AreEqual(1280, image.Width);
        // The alarm's shading and the confirmed markers are in the first screen.
        var timeline = s_charts["timeline-chart"];
        int alarmPixels = 0;
        for (int y = (int)timeline.DataArea.Y; y < (int)timeline.DataArea.Bottom; y++)
            for (int x = (int)timeline.DataArea.X; x < (int)(timeline.DataArea.X + timeline.DataArea.Width); x++)
                if (image.Pixel(x, y) == 0xD62728) alarmPixels++;
        Assert.IsGreaterThan(50, alarmPixels, "confirmed markers drawn in the alarm colour");
        Console.WriteLine($"screenshot: {png}");
    }
}

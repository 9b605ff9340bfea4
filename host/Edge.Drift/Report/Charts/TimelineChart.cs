using System.Globalization;
using Edge.Reports.Plots;
using ScottPlot;

namespace Edge.Drift.Report.Charts;

/// <summary>
/// The windows over time: each window's share of drifted features (a marker coloured by the
/// policy's verdict) against the dataset-drift share, its anomaly rate against the burst-check
/// rate, the alarm shaded, the capture's state as a strip along the top, where each data file
/// starts, and the confirmation rule drawn: the run of drifting windows that confirmed drift.
/// </summary>
public static class TimelineChart
{
    /// <summary>Marker colours by verdict (the test reads them back).</summary>
    public static readonly IReadOnlyDictionary<string, string> VerdictColours = new Dictionary<string, string>
    {
        ["clean"] = ReportPalette.Calm, ["drifting"] = ReportPalette.Current, ["confirmed"] = ReportPalette.Alarm, ["anomaly-burst"] = ReportPalette.Secondary,
    };

    /// <summary>Capture strip colours.</summary>
    public const string Armed = "#fdae6b", Frozen = "#3182bd";

    /// <summary>The alarm's shading (the alarm colour at this opacity).</summary>
    public const double AlarmOpacity = 0.15;

    private const double StripLow = 1.10, StripHigh = 1.16, RuleY = 1.04;

    public static string Render(string id, DriftReportModel model)
    {
        var plot = ReportPlot.New();
        var windows = model.Windows;
        double[] xs = windows.Select(w => (double)w.Index).ToArray();

        foreach (var (from, to) in Runs(windows, w => w.Alarm))
        {
            var span = plot.Add.HorizontalSpan(from - 0.5, to + 0.5);
            span.FillColor = ReportPlot.Colour(ReportPalette.Alarm, AlarmOpacity);
            span.LineWidth = 0;
        }
        foreach (var (state, colour) in new[] { ("armed", Armed), ("frozen", Frozen) })
        {
            foreach (var (from, to) in Runs(windows, w => w.Capture == state))
            {
                var strip = plot.Add.Rectangle(from - 0.5, to + 0.5, StripLow, StripHigh);
                strip.FillColor = ReportPlot.Colour(colour);
                strip.LineWidth = 0;
            }
        }
        for (int s = 1; s < model.Segments.Count; s++)
        {
            var segment = model.Segments[s];
            var starts = windows.FirstOrDefault(w => w.LastRow >= segment.FirstRow);
            if (starts is null) continue;
            double x = starts.Index - 0.5 + (double)(segment.FirstRow - starts.FirstRow) / Math.Max(1, starts.LastRow - starts.FirstRow + 1);
            plot.Add.VerticalLine(x, 1, ReportPlot.Colour(ReportPalette.Ink));
            var label = plot.Add.Text(segment.Name + " →", x, 0.97);
            label.LabelFontSize = 11;
            label.LabelFontColor = ReportPlot.Colour(ReportPalette.Ink);
            label.LabelAlignment = Alignment.UpperLeft;
        }

        plot.Add.HorizontalLine(model.Policy.DriftShare, 1.5f, ReportPlot.Colour(ReportPalette.Threshold));
        plot.Add.HorizontalLine(model.Policy.BurstRate, 1, ReportPlot.Colour(ReportPalette.Secondary, 0.6));
        var rate = plot.Add.ScatterLine(xs, windows.Select(w => w.AnomalyRate).ToArray(), ReportPlot.Colour(ReportPalette.Secondary));
        rate.LineWidth = 1.5f;
        var drift = plot.Add.ScatterLine(xs, windows.Select(w => w.DriftShare).ToArray(), ReportPlot.Colour(ReportPalette.Ink));
        drift.LineWidth = 1.5f;
        double size = windows.Count > 60 ? 5 : 9;
        foreach (var (verdict, colour) in VerdictColours)
        {
            var these = windows.Where(w => w.Verdict == verdict).ToList();
            if (these.Count == 0) continue;
            plot.Add.Markers(these.Select(w => (double)w.Index).ToArray(), these.Select(w => w.DriftShare).ToArray(), MarkerShape.FilledCircle, (float)size, ReportPlot.Colour(colour));
        }

        if (model.FirstConfirmed is { } confirmed)
        {
            // The rule: this many drifting windows in a row confirm drift; the run that did it, bracketed.
            int n = model.Policy.ConsecutiveWindows;
            double from = confirmed.Index - n + 1 - 0.3, to = confirmed.Index + 0.3;
            var bracket = plot.Add.Line(from, RuleY, to, RuleY);
            bracket.LineWidth = 3;
            bracket.LineColor = ReportPlot.Colour(ReportPalette.Alarm);
            bracket.MarkerSize = 0;
            var rule = plot.Add.Text($"{n} drifting windows in a row: confirmed at window {confirmed.Index}", to, RuleY + 0.005);
            rule.LabelFontSize = 11;
            rule.LabelFontColor = ReportPlot.Colour(ReportPalette.Alarm);
            rule.LabelAlignment = to > windows.Count * 0.6 ? Alignment.LowerRight : Alignment.LowerLeft;
        }

        plot.Axes.SetLimitsX(0.5, windows.Count + 0.5);
        plot.Axes.SetLimitsY(0, 1.2);
        if (windows.Count <= 40)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, windows.Select(w => w.Index.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        plot.Axes.Bottom.Label.Text = $"window ({model.WindowSize:N0} samples each)";
        plot.Axes.Left.Label.Text = "share";

        string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var legend = plot.Legend.ManualItems;
        legend.Add(new LegendItem { LabelText = "features drifted (share)", LineColor = ReportPlot.Colour(ReportPalette.Ink), LineWidth = 1.5f });
        legend.Add(new LegendItem { LabelText = $"window drifts at ≥ {Number(model.Policy.DriftShare)}", LineColor = ReportPlot.Colour(ReportPalette.Threshold), LineWidth = 1.5f });
        legend.Add(new LegendItem { LabelText = "anomaly rate", LineColor = ReportPlot.Colour(ReportPalette.Secondary), LineWidth = 1.5f });
        legend.Add(new LegendItem { LabelText = $"burst check from {Number(model.Policy.BurstRate)}", LineColor = ReportPlot.Colour(ReportPalette.Secondary, 0.6), LineWidth = 1 });
        foreach (var (verdict, colour) in VerdictColours)
            legend.Add(new LegendItem { LabelText = verdict, MarkerShape = MarkerShape.FilledCircle, MarkerFillColor = ReportPlot.Colour(colour), MarkerLineColor = ReportPlot.Colour(colour), MarkerSize = 9 });
        legend.Add(new LegendItem { LabelText = "alarm raised", FillColor = ReportPlot.Colour(ReportPalette.Alarm, 0.3) });
        legend.Add(new LegendItem { LabelText = "capture armed", FillColor = ReportPlot.Colour(Armed) });
        legend.Add(new LegendItem { LabelText = "capture frozen", FillColor = ReportPlot.Colour(Frozen) });
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(ScottPlot.Edge.Bottom);
        return SvgFigure.Render(plot, id, 1040, 400,
            $"{windows.Count} windows: share of features drifted and anomaly rate per window; " +
            (model.FirstConfirmed is { } c ? $"drift confirmed at window {c.Index}" : "drift never confirmed"));
    }

    /// <summary>Runs of consecutive windows (first and last index) where <paramref name="holds"/>.</summary>
    public static IReadOnlyList<(int From, int To)> Runs(IReadOnlyList<WindowPoint> windows, Func<WindowPoint, bool> holds)
    {
        var runs = new List<(int, int)>();
        int? start = null;
        for (int i = 0; i < windows.Count; i++)
        {
            if (holds(windows[i])) start ??= windows[i].Index;
            else if (start is { } s)
            {
                runs.Add((s, windows[i - 1].Index));
                start = null;
            }
        }
        if (start is { } open) runs.Add((open, windows[^1].Index));
        return runs;
    }
}

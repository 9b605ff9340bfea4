using System.Globalization;
using Edge.Reports.Plots;
using ScottPlot;

namespace Edge.Drift.Report.Charts;

/// <summary>
/// The features ranked by how far their deciding statistic is towards its threshold (1 = at the
/// threshold): one horizontal bar each, red when the feature drifted, green when not, the
/// threshold as a line. Ratios beyond <see cref="Cap"/> are drawn at it and labelled with their value.
/// </summary>
public static class RankingChart
{
    public const double Cap = 10;

    public static string Render(string id, IReadOnlyList<FeatureView> ranked)
    {
        var plot = ReportPlot.New();
        var shown = ranked.Where(f => f.DriftRatio is not null).ToList();
        double top = Math.Clamp(shown.Select(f => f.DriftRatio!.Value).DefaultIfEmpty(1).Max(), 1.5, Cap);
        var bars = shown.Select((f, i) => new Bar
        {
            Position = shown.Count - 1 - i,
            Value = Math.Min(f.DriftRatio!.Value, Cap),
            Size = 0.7,
            FillColor = ReportPlot.Colour(f.Drifted ? ReportPalette.Alarm : ReportPalette.Calm),
            LineWidth = 0,
            Label = Label(f.DriftRatio.Value),
        }).ToList();
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plotted.ValueLabelStyle.FontSize = 10;
        var threshold = plot.Add.VerticalLine(1, 1.5f, ReportPlot.Colour(ReportPalette.Threshold));
        threshold.LegendText = "threshold (ratio 1)";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            shown.Select((_, i) => (double)(shown.Count - 1 - i)).ToArray(), shown.Select(f => $"{f.Name} ({f.Test})").ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(-0.6, Math.Max(shown.Count, 1) - 0.4);
        plot.Axes.SetLimitsX(0, top * 1.15);
        plot.Axes.Bottom.Label.Text = "deciding statistic / threshold";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "drifted", FillColor = ReportPlot.Colour(ReportPalette.Alarm) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "not drifted", FillColor = ReportPlot.Colour(ReportPalette.Calm) });
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.ShowLegend();
        int height = 70 + 22 * Math.Max(shown.Count, 2);
        return SvgFigure.Render(plot, id, 960, height,
            "features ranked by drift: " + string.Join(", ", shown.Select(f => $"{f.Name} {Label(f.DriftRatio!.Value)}{(f.Drifted ? " drifted" : "")}")));
    }

    public static string Label(double ratio) =>
        double.IsPositiveInfinity(ratio) ? "∞" : ratio.ToString(ratio >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture) + "×";
}

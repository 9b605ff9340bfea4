using ScottPlot;

namespace Edge.Reports.Plots;

/// <summary>
/// Grouped bars: one group per x position (a model), one colour per series (a board), the spread
/// as a whisker, the value over each bar when there are few; a logarithmic value axis when the
/// values span more than <see cref="ValueAxis.LogRatio"/>.
/// </summary>
public static class GroupedBarChart
{
    /// <summary>Bars are labelled with their values up to this many.</summary>
    public const int MaxValueLabels = 24;

    public static string Render(string id, string unit, IReadOnlyList<BarValue> bars, int width = 960, int height = 320)
    {
        var plot = ReportPlot.New();
        if (bars.Count == 0)
        {
            plot.Add.Text("nothing measured", 0, 0).LabelFontSize = 16;
            plot.Axes.Frameless();
            plot.HideGrid();
            return SvgFigure.Render(plot, id, width, 80, $"{unit}: nothing measured");
        }
        var groups = bars.Select(b => b.Group).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = bars.Select(b => b.Series).Distinct().ToList();
        var axis = ValueAxis.For(bars.Select(b => b.Value).Concat(bars.Where(b => b.Spread is not null).Select(b => b.Value + b.Spread!.Value)));
        double slot = 0.8 / series.Count;
        var drawn = new List<Bar>();
        foreach (var bar in bars)
        {
            int g = groups.IndexOf(bar.Group), s = series.IndexOf(bar.Series);
            double x = g - 0.4 + (s + 0.5) * slot;
            drawn.Add(new Bar
            {
                Position = x,
                Value = axis.Map(bar.Value),
                ValueBase = axis.Map(axis.Base),
                Size = slot * 0.92,
                FillColor = ReportPlot.Colour(ReportPalette.Of(s)),
                LineWidth = 0,
                Label = bars.Count <= MaxValueLabels ? ValueAxis.Tick(bar.Value) : "",
            });
            if (bar.Spread is { } spread && spread > 0)
            {
                var whisker = plot.Add.Line(x, axis.Map(bar.Value - spread), x, axis.Map(bar.Value + spread));
                whisker.LineWidth = 1.5f;
                whisker.LineColor = Colors.Black;
                whisker.MarkerSize = 0;
            }
        }
        var plotted = plot.Add.Bars(drawn);
        plotted.ValueLabelStyle.FontSize = 11;
        plotted.ValueLabelStyle.ForeColor = ReportPlot.Colour(ReportPalette.Ink);
        axis.Apply(plot, plot.Axes.Left, unit, headroom: bars.Count <= MaxValueLabels ? 0.12 : 0);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, groups.Count).Select(g => (double)g).ToArray(), groups.ToArray());
        plot.Axes.SetLimitsX(-0.5, groups.Count - 0.5);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        foreach (var (name, s) in series.Select((name, s) => (name, s)))
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = ReportPlot.Colour(ReportPalette.Of(s)) });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        string description = unit + ": " + string.Join("; ", bars.Select(b => b.Label));
        return SvgFigure.Render(plot, id, width, height, description);
    }
}

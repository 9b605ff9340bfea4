using Edge.Reports.Plots;
using ScottPlot;

namespace Edge.Drift.Report.Charts;

/// <summary>One feature's reference and current shares side by side on the profile's bins (or categories).</summary>
public static class HistogramChart
{
    public const int Width = 520, Height = 280;

    public static string Render(string id, FeatureView feature)
    {
        var h = feature.Histogram ?? throw new ArgumentException($"{feature.Name} has no histogram", nameof(feature));
        var plot = ReportPlot.New();
        var bars = new List<Bar>();
        for (int i = 0; i < h.Slots.Count; i++)
        {
            bars.Add(new Bar { Position = i - 0.2, Value = h.Reference[i], Size = 0.4, FillColor = ReportPlot.Colour(ReportPalette.Reference), LineWidth = 0 });
            bars.Add(new Bar { Position = i + 0.2, Value = h.Current[i], Size = 0.4, FillColor = ReportPlot.Colour(ReportPalette.Current), LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        int every = Math.Max(1, (int)Math.Ceiling(h.Slots.Count / 8.0));
        var ticks = Enumerable.Range(0, h.Slots.Count).Where(i => i % every == 0).ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.Select(i => (double)i).ToArray(), ticks.Select(i => h.Slots[i]).ToArray());
        if (h.Slots.Count > 5)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 60;
        }
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(-0.6, h.Slots.Count - 0.4);
        double top = Math.Max(h.Reference.Max(), h.Current.Max());
        plot.Axes.SetLimitsY(0, top * 1.25 + 1e-9);
        plot.Axes.Left.Label.Text = "share of rows";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"reference ({h.ReferenceRows:N0})", FillColor = ReportPlot.Colour(ReportPalette.Reference) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"current ({h.CurrentRows:N0})", FillColor = ReportPlot.Colour(ReportPalette.Current) });
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return SvgFigure.Render(plot, id, Width, Height,
            $"{feature.Name}: reference and current share of rows in each of {h.Slots.Count} {(feature.Kind is "categorical" or "predicted-class" ? "categories" : "bins")}");
    }
}

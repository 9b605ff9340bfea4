using ScottPlot;

namespace Edge.Reports.Plots;

/// <summary>One look for every plot of every report: font, sizes, grid and frame.</summary>
public static class ReportPlot
{
    /// <summary>A common sans font on Linux; where it is missing the renderer falls back to its default.</summary>
    public const string Font = "DejaVu Sans";

    /// <summary>A new plot in the reports' style: white, light grid, small labels, no title (the page's heading says what it is).</summary>
    public static Plot New()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Color.FromHex("#e6e6e6");
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = 13;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Color.FromHex(ReportPalette.Ink);
            axis.TickLabelStyle.FontSize = 11;
            axis.TickLabelStyle.ForeColor = Color.FromHex(ReportPalette.Ink);
        }
        plot.Legend.FontSize = 11;
        plot.Legend.FontName = Font;
        return plot;
    }

    /// <summary>Colour from a palette entry ("#rrggbb").</summary>
    public static Color Colour(string hex, double opacity = 1) => Color.FromHex(hex).WithAlpha(opacity);
}

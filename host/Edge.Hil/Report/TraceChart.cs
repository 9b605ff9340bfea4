using Edge.Hil.Results;
using Edge.Reports.Plots;
using ScottPlot;

namespace Edge.Hil.Report;

/// <summary>
/// A cell's current trace: reduced to at most <see cref="Buckets"/> columns, each drawn as its
/// lowest-to-highest band with its mean as a line (so a short spike survives the reduction), and
/// the measured inference windows shaded.
/// </summary>
public static class TraceChart
{
    public const int Buckets = 1200;

    /// <summary>The band, mean line and window colours (the test looks for them in the drawing).</summary>
    public const string BandColour = "#9ecae1", LineColour = "#08519c", WindowColour = "#fdd49e";

    public static string Render(string id, StoredTrace stored)
    {
        var trace = stored.Trace;
        var amperes = trace.Amperes;
        int count = amperes.Length;
        int buckets = Math.Max(1, Math.Min(Buckets, count));
        var low = new double[buckets];
        var high = new double[buckets];
        var mean = new double[buckets];
        var ms = new double[buckets];
        double seconds = Math.Max(trace.DurationSeconds, 1e-9);
        for (int b = 0; b < buckets; b++)
        {
            int from = (int)((long)b * count / buckets), to = Math.Max(from + 1, (int)((long)(b + 1) * count / buckets));
            double lo = double.MaxValue, hi = double.MinValue, sum = 0;
            for (int k = from; k < to && k < count; k++)
            {
                double ma = amperes[k] * 1000;
                lo = Math.Min(lo, ma);
                hi = Math.Max(hi, ma);
                sum += ma;
            }
            (low[b], high[b], mean[b]) = count == 0 ? (0, 0, 0) : (lo, hi, sum / Math.Max(1, Math.Min(to, count) - from));
            ms[b] = seconds * 1000 * (b + 0.5) / buckets;
        }
        var plot = ReportPlot.New();
        foreach (var window in stored.Measured)
        {
            var span = plot.Add.HorizontalSpan(window.Start * 1000, window.End * 1000);
            span.FillColor = ReportPlot.Colour(WindowColour, 0.6);
            span.LineWidth = 0;
        }
        if (count > 0)
        {
            var band = plot.Add.FillY(ms, low, high);
            band.FillColor = ReportPlot.Colour(BandColour);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(ms, mean, ReportPlot.Colour(LineColour));
            line.LineWidth = 2;
        }
        var axis = ValueAxis.For(count == 0 ? [1.0] : high.Append(0));
        axis.Apply(plot, plot.Axes.Left, "mA");
        plot.Axes.Bottom.Label.Text = "ms";
        plot.Axes.SetLimitsX(0, seconds * 1000);
        return SvgFigure.Render(plot, id, 960, 280,
            $"current of {count} samples over {seconds * 1000:0.###} ms with {stored.Measured.Count} measured inference windows shaded", "chart trace");
    }
}

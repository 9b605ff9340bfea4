using System.Globalization;
using System.Text;
using Edge.Hil.Results;

namespace Edge.Hil.Report;

/// <summary>
/// A cell's current trace as inline SVG: reduced to at most <see cref="Buckets"/> columns, each
/// drawn as its lowest-to-highest band with its mean as a line (so a short spike survives the
/// reduction), and the measured inference windows shaded.
/// </summary>
public static class SvgTraceChart
{
    public const int Buckets = 1200;
    private const double Width = 960, Height = 260, Left = 70, Right = 20, Top = 12, Bottom = 36;

    public static string Render(string id, StoredTrace stored)
    {
        var trace = stored.Trace;
        var amperes = trace.Amperes;
        int count = amperes.Length;
        int buckets = Math.Max(1, Math.Min(Buckets, count));
        var low = new double[buckets];
        var high = new double[buckets];
        var mean = new double[buckets];
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
            (low[b], high[b], mean[b]) = (lo, hi, sum / Math.Max(1, Math.Min(to, count) - from));
        }
        double seconds = Math.Max(trace.DurationSeconds, 1e-9);
        var scale = AxisScale.For(count == 0 ? [1.0] : high.Append(0));
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(double s) => Left + plotWidth * s / seconds;
        double Y(double ma) => Top + plotHeight * (1 - scale.Fraction(ma));
        double BucketX(int b) => Left + plotWidth * (b + 0.5) / buckets;

        var svg = new Markup();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart trace"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"));
        foreach (var window in stored.Measured)
            svg.Empty("rect", ("class", "window"), ("x", N(X(window.Start))), ("y", N(Top)), ("width", N(Math.Max(0.5, X(window.End) - X(window.Start)))), ("height", N(plotHeight)),
                ("data-start", window.Start.ToString("R", CultureInfo.InvariantCulture)), ("data-end", window.End.ToString("R", CultureInfo.InvariantCulture)));
        foreach (double tick in scale.Ticks)
        {
            svg.Empty("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(Y(tick))), ("y2", N(Y(tick))), ("class", "grid"));
            svg.Element("text", Markup.Number(tick, "0.###"), ("x", N(Left - 6)), ("y", N(Y(tick) + 4)), ("text-anchor", "end"), ("class", "tick"));
        }
        double step = AxisScale.NiceStep(seconds * 1000 / 8);
        for (double ms = 0; ms <= seconds * 1000 + 1e-9; ms += step)
        {
            svg.Empty("line", ("x1", N(X(ms / 1000))), ("x2", N(X(ms / 1000))), ("y1", N(Top + plotHeight)), ("y2", N(Top + plotHeight + 4)), ("class", "axis"));
            svg.Element("text", Markup.Number(ms, "0.###"), ("x", N(X(ms / 1000))), ("y", N(Top + plotHeight + 16)), ("text-anchor", "middle"), ("class", "tick"));
        }
        svg.Element("text", "ms", ("x", N(Width - Right)), ("y", N(Height - 6)), ("text-anchor", "end"), ("class", "axis-label"));
        svg.Element("text", "mA", ("x", "14"), ("y", N(Top + plotHeight / 2)), ("class", "axis-label"), ("transform", $"rotate(-90 14 {N(Top + plotHeight / 2)})"), ("text-anchor", "middle"));
        if (count > 0)
        {
            var band = new StringBuilder();
            for (int b = 0; b < buckets; b++) band.Append(N(BucketX(b))).Append(',').Append(N(Y(high[b]))).Append(' ');
            for (int b = buckets - 1; b >= 0; b--) band.Append(N(BucketX(b))).Append(',').Append(N(Y(low[b]))).Append(' ');
            svg.Empty("polygon", ("class", "band"), ("points", band.ToString().TrimEnd()));
            var line = new StringBuilder();
            for (int b = 0; b < buckets; b++) line.Append(N(BucketX(b))).Append(',').Append(N(Y(mean[b]))).Append(' ');
            svg.Empty("polyline", ("class", "current"), ("points", line.ToString().TrimEnd()), ("data-samples", count.ToString(CultureInfo.InvariantCulture)));
        }
        svg.Empty("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(Top + plotHeight)), ("y2", N(Top + plotHeight)), ("class", "axis"));
        return svg.Close("svg").ToString();
    }

    private static string N(double value) => Markup.Number(value, "0.##");
}

namespace Edge.Hil.Report;

/// <summary>
/// A grouped bar chart as inline SVG: one group per model, one bar per board and firmware, the
/// spread as a whisker. Every bar carries its cell and value (`data-cell`, `data-value`) and a
/// tooltip, so the page can be checked by reading it and understood by hovering.
/// </summary>
public static class SvgBarChart
{
    private const double Width = 960, PlotHeight = 216, Left = 80, Right = 20, Top = 16;

    public static string Render(string id, string unit, IReadOnlyList<BarValue> bars)
    {
        var series = bars.Select(b => b.Series).Distinct().ToList();
        int legendRows = (series.Count + 3) / 4;
        double chartHeight = Top + PlotHeight + 26 + 16 * legendRows;
        var svg = new Markup();
        svg.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart"), ("viewBox", $"0 0 {Width} {N(bars.Count == 0 ? 60 : chartHeight)}"), ("role", "img"));
        if (bars.Count == 0)
        {
            svg.Element("text", "no measured cells", ("x", "50%"), ("y", "50%"), ("text-anchor", "middle"), ("class", "empty"));
            return svg.Close("svg").ToString();
        }
        var groups = bars.Select(b => b.Group).Distinct().Order(StringComparer.Ordinal).ToList();
        var scale = AxisScale.For(bars.Select(b => b.Value).Concat(bars.Where(b => b.Spread is not null).Select(b => b.Value + b.Spread!.Value)));
        double plotWidth = Width - Left - Right, plotHeight = PlotHeight;
        double Y(double value) => Top + plotHeight * (1 - scale.Fraction(value));

        foreach (double tick in scale.Ticks)
        {
            double y = Y(tick);
            svg.Empty("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(y)), ("y2", N(y)), ("class", "grid"));
            svg.Element("text", Tick(tick), ("x", N(Left - 6)), ("y", N(y + 4)), ("text-anchor", "end"), ("class", "tick"));
        }
        svg.Element("text", unit + (scale.Logarithmic ? " (log scale)" : ""), ("x", "16"), ("y", N(Top + plotHeight / 2)), ("class", "axis-label"),
            ("transform", $"rotate(-90 16 {N(Top + plotHeight / 2)})"), ("text-anchor", "middle"));

        double groupWidth = plotWidth / groups.Count;
        double barWidth = groupWidth * 0.8 / series.Count;
        double zero = Y(scale.Base);
        foreach (var bar in bars)
        {
            int g = groups.IndexOf(bar.Group), s = series.IndexOf(bar.Series);
            double x = Left + g * groupWidth + groupWidth * 0.1 + s * barWidth;
            double y = Y(bar.Value);
            double top = Math.Min(y, zero), height = Math.Max(Math.Abs(zero - y), 0.5);
            svg.Open("rect", ("class", "bar"), ("x", N(x)), ("y", N(top)), ("width", N(barWidth * 0.92)), ("height", N(height)), ("fill", Palette.Of(s)),
                ("data-cell", bar.Cell), ("data-series", bar.Series), ("data-group", bar.Group), ("data-value", bar.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            svg.Element("title", bar.Label);
            svg.Close("rect");
            if (bar.Spread is { } spread && spread > 0)
            {
                double cx = x + barWidth * 0.46;
                svg.Empty("line", ("class", "spread"), ("x1", N(cx)), ("x2", N(cx)), ("y1", N(Y(bar.Value - spread))), ("y2", N(Y(bar.Value + spread))));
            }
            if (bars.Count <= 24)
                svg.Element("text", Tick(bar.Value), ("x", N(x + barWidth * 0.46)), ("y", N(bar.Value >= scale.Base ? top - 3 : top + height + 11)), ("text-anchor", "middle"), ("class", "value"));
        }
        svg.Empty("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(zero)), ("y2", N(zero)), ("class", "axis"));
        for (int g = 0; g < groups.Count; g++)
            svg.Element("text", groups[g], ("x", N(Left + (g + 0.5) * groupWidth)), ("y", N(Top + plotHeight + 18)), ("text-anchor", "middle"), ("class", "group"));
        double legendX = Left;
        for (int s = 0; s < series.Count; s++)
        {
            double y = Top + plotHeight + 40 + (s / 4) * 16;
            double x = legendX + (s % 4) * 215;
            svg.Empty("rect", ("x", N(x)), ("y", N(y - 10)), ("width", "12"), ("height", "12"), ("fill", Palette.Of(s)), ("class", "legend-key"));
            svg.Element("text", series[s], ("x", N(x + 18)), ("y", N(y)), ("class", "legend"));
        }
        return svg.Close("svg").ToString();
    }

    private static string N(double value) => Markup.Number(value, "0.#");

    private static string Tick(double value) =>
        Math.Abs(value) >= 10_000 || (Math.Abs(value) < 0.01 && value != 0) ? value.ToString("0.##E0", System.Globalization.CultureInfo.InvariantCulture)
        : Markup.Number(value, Math.Abs(value) >= 100 ? "0" : "0.###");
}

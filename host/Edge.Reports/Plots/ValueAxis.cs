using ScottPlot;

namespace Edge.Reports.Plots;

/// <summary>
/// A value axis: linear from zero (or spanning negative values), or logarithmic over whole
/// decades when the values span more than <see cref="LogRatio"/> (energies of a 2.5k-MAC MLP and
/// a 112k-MAC CNN differ forty-fold; on a linear axis the small ones vanish). ScottPlot draws in
/// axis units: <see cref="Map"/> turns a value into them, and <see cref="Apply"/> labels the ticks in values.
/// </summary>
public sealed class ValueAxis
{
    public const double LogRatio = 30;

    private ValueAxis(double low, double high, bool logarithmic, IReadOnlyList<double> ticks)
    {
        Low = low;
        High = high;
        Logarithmic = logarithmic;
        Ticks = ticks;
    }

    public double Low { get; }

    public double High { get; }

    public bool Logarithmic { get; }

    public IReadOnlyList<double> Ticks { get; }

    /// <summary>Where bars start: zero, or the bottom decade.</summary>
    public double Base => Logarithmic ? Low : Math.Clamp(0, Low, High);

    public static ValueAxis For(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0) return new ValueAxis(0, 1, false, [0, 0.5, 1]);
        double min = list.Min(), max = list.Max();
        if (min > 0 && max / min > LogRatio)
        {
            double low = Math.Pow(10, Math.Floor(Math.Log10(min))), high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
            if (high <= low) high = low * 10;
            var decades = new List<double>();
            for (double t = low; t <= high * 1.0001; t *= 10) decades.Add(t);
            return new ValueAxis(low, high, true, decades);
        }
        double lo = Math.Min(0, min), hi = Math.Max(0, max);
        if (hi - lo <= 0) hi = lo + 1;
        double step = NiceStep((hi - lo) / 5);
        lo = Math.Floor(lo / step) * step;
        hi = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (double t = lo; t <= hi + step / 2; t += step) ticks.Add(Math.Round(t / step) * step + 0.0); // + 0.0: no "-0" label
        return new ValueAxis(lo, hi, false, ticks);
    }

    /// <summary>A value in the axis' drawing units (its log10 on a logarithmic axis, clamped to the bottom decade).</summary>
    public double Map(double value) => Logarithmic ? Math.Log10(Math.Max(value, Low)) : value;

    /// <summary>Sets the plot's vertical <paramref name="axis"/> to this range (no autoscaling) and labels its ticks in values.</summary>
    /// <param name="headroom">Extra space above the highest tick, as a share of the range (for labels over bars).</param>
    public void Apply(Plot plot, IYAxis axis, string label, double headroom = 0)
    {
        axis.Label.Text = label + (Logarithmic ? " (log scale)" : "");
        plot.Axes.SetLimitsY(Map(Low), Map(High) + headroom * (Map(High) - Map(Low)), axis);
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Ticks.Select(Map).ToArray(), Ticks.Select(Tick).ToArray());
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double scaled = rough / power;
        return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
    }

    /// <summary>A tick or value label: short, culture-invariant, scientific for the very large and very small.</summary>
    public static string Tick(double value) =>
        Math.Abs(value) >= 10_000 || (Math.Abs(value) < 0.01 && value != 0) ? value.ToString("0.##E0", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString(Math.Abs(value) >= 100 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture);
}

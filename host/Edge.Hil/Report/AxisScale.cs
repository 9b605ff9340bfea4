namespace Edge.Hil.Report;

/// <summary>
/// A value axis: linear from zero (or spanning negative values), or logarithmic over whole
/// decades when the values span more than <see cref="LogRatio"/> (energies of a 2.5k-MAC MLP and
/// a 112k-MAC CNN differ forty-fold; on a linear axis the small ones vanish).
/// </summary>
public sealed class AxisScale
{
    public const double LogRatio = 30;

    private AxisScale(double low, double high, bool logarithmic, IReadOnlyList<double> ticks)
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

    public static AxisScale For(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToList();
        if (list.Count == 0) return new AxisScale(0, 1, false, [0, 0.5, 1]);
        double min = list.Min(), max = list.Max();
        if (min > 0 && max / min > LogRatio)
        {
            double low = Math.Pow(10, Math.Floor(Math.Log10(min))), high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
            if (high <= low) high = low * 10;
            var decades = new List<double>();
            for (double t = low; t <= high * 1.0001; t *= 10) decades.Add(t);
            return new AxisScale(low, high, true, decades);
        }
        double lo = Math.Min(0, min), hi = Math.Max(0, max);
        if (hi - lo <= 0) hi = lo + 1;
        double step = NiceStep((hi - lo) / 5);
        lo = Math.Floor(lo / step) * step;
        hi = Math.Ceiling(hi / step) * step;
        var ticks = new List<double>();
        for (double t = lo; t <= hi + step / 2; t += step) ticks.Add(Math.Round(t / step) * step + 0.0); // + 0.0: no "-0" label
        return new AxisScale(lo, hi, false, ticks);
    }

    /// <summary>0 at <see cref="Low"/>, 1 at <see cref="High"/>.</summary>
    public double Fraction(double value)
    {
        if (Logarithmic)
        {
            double v = Math.Max(value, Low);
            return (Math.Log10(v) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low));
        }
        return (Math.Clamp(value, Low, High) - Low) / (High - Low);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double scaled = rough / power;
        return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
    }
}

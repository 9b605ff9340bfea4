namespace Edge.Power.Energy;

/// <summary>
/// E = V·∫I dt over a trace, taking each sample as the mean current over its period (what the
/// monitor reports) and weighting the samples a window cuts by the part inside it. For a current
/// that is constant over each sample period this is exact.
/// </summary>
public static class EnergyIntegrator
{
    /// <summary>Coulombs (∫I dt) between <paramref name="from"/> and <paramref name="to"/> seconds; outside the trace counts as nothing.</summary>
    public static double Coulombs(CurrentTrace trace, double from, double to)
    {
        if (to <= from || trace.Count == 0) return 0;
        double rate = trace.SampleRateHertz;
        double interval = 1 / rate;
        long first = Math.Max(0, (long)Math.Floor(from * rate));
        long last = Math.Min(trace.Count - 1, (long)Math.Ceiling(to * rate) - 1);
        var amperes = trace.Amperes;
        double charge = 0;
        for (long k = first; k <= last; k++)
        {
            double start = k * interval;
            double overlap = Math.Min(to, start + interval) - Math.Max(from, start);
            if (overlap > 0) charge += amperes[(int)k] * overlap;
        }
        return charge;
    }

    public static double Joules(CurrentTrace trace, double from, double to) => trace.SupplyVolts * Coulombs(trace, from, to);

    public static double Joules(CurrentTrace trace, PhaseWindow window) => Joules(trace, window.Start, window.End);

    /// <summary>Energy per inference, with its spread, over each window (one inference each).</summary>
    public static InferenceEnergyReport PerInference(CurrentTrace trace, IReadOnlyList<PhaseWindow> windows)
    {
        var joules = new double[windows.Count];
        var seconds = new double[windows.Count];
        for (int i = 0; i < windows.Count; i++)
        {
            joules[i] = Joules(trace, windows[i]);
            seconds[i] = windows[i].Seconds;
        }
        return InferenceEnergyReport.From(joules, seconds);
    }

    /// <summary>
    /// MLPerf Tiny's way: one window around <paramref name="inferences"/> back-to-back inferences
    /// (the target marks only the start and end of the run), energy divided by the count.
    /// </summary>
    public static double JoulesPerInference(CurrentTrace trace, PhaseWindow run, int inferences)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inferences);
        return Joules(trace, run) / inferences;
    }
}

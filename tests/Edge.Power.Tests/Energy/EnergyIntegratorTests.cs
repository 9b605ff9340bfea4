using Edge.Power.Acquisition;
using Edge.Power.Energy;

namespace Edge.Power.Tests.Energy;

/// <summary>Integrals checked against closed forms: E = V·I·t for constant current, pulse trains.</summary>
[TestClass]
public sealed class EnergyIntegratorTests
{
    // Traces keep samples as float: about 1e-7 relative.
    private const double Relative = 1e-6;

    private static CurrentTrace Trace(double rate, double volts, Func<int, double> amperes, int count, IReadOnlyList<StreamEvent>? events = null)
    {
        var samples = new float[count];
        for (int k = 0; k < count; k++) samples[k] = (float)amperes(k);
        return new CurrentTrace(rate, volts, samples, count, events ?? []);
    }

    [TestMethod]
    public void Constant_current_gives_V_times_I_times_t()
    {
        var trace = Trace(1000, 3.3, _ => 0.010, 2000); // 10 mA for 2 s at 3.3 V
        Assert.AreEqual(3.3 * 0.010 * 2, trace.TotalJoules, 3.3 * 0.010 * 2 * Relative);
        Assert.AreEqual(3.3 * 0.010 * 0.5, EnergyIntegrator.Joules(trace, 0.25, 0.75), 3.3 * 0.010 * 0.5 * Relative);
        // A window cutting samples in half weighs them by the part inside.
        Assert.AreEqual(3.3 * 0.010 * 0.0015, EnergyIntegrator.Joules(trace, 0.0105, 0.0120), 3.3 * 0.010 * 0.0015 * Relative);
    }

    [TestMethod]
    public void Windows_beyond_the_trace_count_only_what_was_measured()
    {
        var trace = Trace(100, 2.0, _ => 0.5, 100); // 1 s
        Assert.AreEqual(2.0 * 0.5 * 1.0, EnergyIntegrator.Joules(trace, -5, 5), 1e-9);
        Assert.AreEqual(0, EnergyIntegrator.Joules(trace, 0.7, 0.3));
    }

    [TestMethod]
    public void Square_pulses_found_by_threshold_give_the_pulse_energy_with_no_spread()
    {
        // 10 kHz; every 20 ms a 5 ms pulse of 25 mA over 2 mA idle, first at 3 ms.
        const double rate = 10_000, idle = 0.002, active = 0.025, volts = 1.8;
        var trace = Trace(rate, volts, k => k >= 30 && (k - 30) % 200 < 50 ? active : idle, 20_000);

        var windows = PhaseWindows.FromThreshold(trace, (idle + active) / 2);
        var report = EnergyIntegrator.PerInference(trace, windows);

        Assert.AreEqual(100, report.Count);
        Assert.AreEqual(volts * active * 0.005, report.MeanJoules, volts * active * 0.005 * Relative);
        Assert.AreEqual(0, report.StandardDeviationJoules, volts * active * 0.005 * Relative);
        Assert.AreEqual(0.005, report.MeanSeconds, 1e-9);
        Assert.AreEqual(0.003, windows[0].Start, 1e-9);
    }

    [TestMethod]
    public void Spread_is_the_sample_standard_deviation()
    {
        // Pulses alternate 10 and 20 mA: mean 15 mA·t·V, sample SD over 4 values.
        const double rate = 1000;
        var trace = Trace(rate, 1.0, k => (k % 100) is >= 10 and < 20 ? (k / 100 % 2 == 0 ? 0.010 : 0.020) : 0, 400);
        var report = EnergyIntegrator.PerInference(trace, PhaseWindows.FromThreshold(trace, 0.001));
        double[] expected = [1e-4, 2e-4, 1e-4, 2e-4];
        Assert.AreEqual(4, report.Count);
        Assert.AreEqual(expected.Average(), report.MeanJoules, expected.Average() * Relative);
        double sd = Math.Sqrt(expected.Sum(e => Math.Pow(e - expected.Average(), 2)) / 3);
        Assert.AreEqual(sd, report.StandardDeviationJoules, sd * Relative);
    }

    [TestMethod]
    public void Edge_windows_and_MLPerf_style_per_inference_energy()
    {
        var trace = Trace(1000, 3.0, _ => 0.004, 1000);
        var windows = PhaseWindows.FromEdges([new(0.100, true), new(0.150, false), new(0.300, true), new(0.320, false), new(0.900, true)]);
        Assert.HasCount(2, windows, "the last rising edge has no falling edge");
        Assert.AreEqual(3.0 * 0.004 * 0.050, EnergyIntegrator.Joules(trace, windows[0]), 3.0 * 0.004 * 0.050 * Relative);
        Assert.AreEqual(3.0 * 0.004 * 0.8 / 10, EnergyIntegrator.JoulesPerInference(trace, new PhaseWindow(0.1, 0.9), 10), 3.0 * 0.004 * 0.8 / 10 * Relative);
    }

    [TestMethod]
    public void Hardware_trigger_alignment_puts_the_first_rising_edge_at_minus_the_delay()
    {
        var aligned = PhaseWindows.AlignToHardwareTrigger([new(5.0, true), new(5.004, false), new(5.020, true)], TimeSpan.FromMilliseconds(1));
        Assert.AreEqual(-0.001, aligned[0].Seconds, 1e-12);
        Assert.AreEqual(0.003, aligned[1].Seconds, 1e-12);
        Assert.AreEqual(0.019, aligned[2].Seconds, 1e-12);
    }

    [TestMethod]
    public void Marker_windows_pair_rising_and_falling_events()
    {
        StreamEvent Marker(long index, string edge) => new(StreamEventKind.TriggerMarker, index, index / 1000.0, Text: edge);
        var trace = Trace(1000, 1.0, _ => 0.001, 100, [Marker(10, "ris"), Marker(15, "fal"), Marker(40, "ris"), Marker(46, "fal")]);
        var windows = PhaseWindows.FromMarkers(trace);
        CollectionAssert.AreEqual(new[] { new PhaseWindow(0.010, 0.015), new PhaseWindow(0.040, 0.046) }, windows.ToArray());
    }
}

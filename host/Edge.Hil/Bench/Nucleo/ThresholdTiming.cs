using Edge.Board.Client;
using Edge.Hil.Plan;
using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Bench.Nucleo;

/// <summary>
/// A real bench's inference windows: where the current exceeds the rig's threshold
/// (<see cref="PhaseWindows.FromThreshold"/>, edges placed to within one sample), checked
/// against the board's own timing: the last N windows of one inference each, or the last window
/// holding the whole measured run, split in N. With the hardware trigger the monitor starts
/// sampling at the first rising edge (the warm-up run, then cut off and not counted). Run here
/// against the simulators only; it has not met a real board or monitor.
/// </summary>
public sealed class ThresholdTiming(double thresholdMilliamps, TriggerSource trigger) : IInferenceTiming
{
    /// <summary>Board timing and window lengths may differ by this much (edges at sample resolution, the pin's own switching).</summary>
    private const double DurationTolerance = 0.10;

    public string Describe => $"current above {thresholdMilliamps:0.###} mA, {(trigger == TriggerSource.Hardware ? "hardware" : "software")} trigger";

    public void Arm()
    {
    }

    public Task RecordBaselineAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken) =>
        trigger == TriggerSource.Hardware
            ? Task.CompletedTask // sampling starts with the first inference
            : AcquisitionWait.ForSamplesAsync(run, Math.Max(1, (long)Math.Ceiling(plan.Settle.TotalSeconds * plan.Rate.Hertz)), cancellationToken);

    public Task CoverLastInferenceAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken) =>
        Task.Delay(plan.Tail + TimeSpan.FromMilliseconds(50), cancellationToken); // the board answered after its last inference; USB buffers drain meanwhile

    public IReadOnlyList<PhaseWindow> MeasuredWindows(CurrentTrace trace, MeasurementPlan plan, InferenceRun measured)
    {
        int n = plan.Inferences;
        double mean = measured.MeanMicros * 1e-6;
        var windows = PhaseWindows.FromThreshold(trace, thresholdMilliamps / 1000, minSeconds: measured.MinMicros * 0.5e-6);
        // Inferences separated by idle time show as N windows of one inference each.
        if (windows.Count >= n && windows.Skip(windows.Count - n).All(w => Near(w.Seconds, mean))) return windows.Skip(windows.Count - n).ToList();
        // Back to back (the board's loop between them is shorter than a sample) they show as one window of the whole
        // run: split evenly, as MLPerf Tiny divides a run's energy by its inferences. The spread is then that of equal
        // slices of the run, not of single inferences.
        if (windows.Count > 0 && Near(windows[^1].Seconds, n * mean))
        {
            var run = windows[^1];
            return Enumerable.Range(0, n).Select(i => new PhaseWindow(run.Start + i * run.Seconds / n, run.Start + (i + 1) * run.Seconds / n)).ToList();
        }
        throw new CellFailureException($"no run of {n} inferences ({n} x {mean * 1e3:0.###} ms by the board's clock) found where the current exceeds {thresholdMilliamps:0.###} mA " +
            $"(windows: {string.Join(", ", windows.TakeLast(4).Select(w => $"{w.Seconds * 1e3:0.###} ms"))}); check trigger.threshold-ma lies between the board's idle and inference current");
    }

    private static bool Near(double seconds, double expected) => Math.Abs(seconds / expected - 1) <= DurationTolerance;
}

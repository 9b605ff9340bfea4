using Edge.Board.Client;
using Edge.Hil.Plan;
using Edge.Power.Backends;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Bench.Nucleo;

/// <summary>
/// A real bench's inference windows: where the current exceeds the rig's threshold
/// (<see cref="PhaseWindows.FromThreshold"/>, edges placed to within one sample), the last N
/// of them, checked against the board's own count and timing. With the hardware trigger the
/// monitor starts sampling at the first rising edge (the first warm-up, then cut off and not
/// counted). Written to the documented protocol; it has not met a real board or monitor.
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
        var windows = PhaseWindows.FromThreshold(trace, thresholdMilliamps / 1000, minSeconds: measured.MinMicros * 0.5e-6);
        if (windows.Count < plan.Inferences)
            throw new CellFailureException($"the current rose above {thresholdMilliamps:0.###} mA {windows.Count} times; {plan.Inferences} measured inferences ran " +
                "(check trigger.threshold-ma lies between the board's idle and inference current)");
        var last = windows.Skip(windows.Count - plan.Inferences).ToList();
        double meanMicros = last.Average(w => w.Seconds) * 1e6;
        if (Math.Abs(meanMicros / measured.MeanMicros - 1) > DurationTolerance)
            throw new CellFailureException($"inferences found in the current last {meanMicros:0} us on average but the board timed {measured.MeanMicros:0} us " +
                "(trigger.threshold-ma may cut them wrongly)");
        return last;
    }
}

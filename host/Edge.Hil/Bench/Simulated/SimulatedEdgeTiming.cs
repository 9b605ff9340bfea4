using Edge.Board.Client;
using Edge.Hil.Plan;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A simulated board's inference windows: its trigger pin's periods, exactly, on the acquisition's
/// time axis (<see cref="SimulatedBoardCurrent"/> fixes time 0 when the monitor starts sampling).
/// The samples themselves still come through the monitor simulator, TCP and the real driver.
/// </summary>
public sealed class SimulatedEdgeTiming(SimulatedBoardCurrent current) : IInferenceTiming
{
    public string Describe => "simulated board's trigger edges (exact)";

    public void Arm() => current.Arm();

    public Task RecordBaselineAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken) =>
        AcquisitionWait.ForSamplesAsync(run, Math.Max(1, (long)Math.Ceiling(plan.Settle.TotalSeconds * plan.Rate.Hertz)), cancellationToken);

    public Task CoverLastInferenceAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken)
    {
        var periods = current.Periods();
        double end = (periods.Count == 0 ? 0 : periods[^1].End) + plan.Tail.TotalSeconds;
        return AcquisitionWait.ForSamplesAsync(run, (long)Math.Ceiling(end * plan.Rate.Hertz) + 1, cancellationToken);
    }

    public IReadOnlyList<PhaseWindow> MeasuredWindows(CurrentTrace trace, MeasurementPlan plan, InferenceRun measured)
    {
        var periods = current.Periods();
        int expected = plan.Warmup + plan.Inferences;
        if (periods.Count != expected)
            throw new CellFailureException($"the board raised its trigger {periods.Count} times during the acquisition; {expected} inferences ran");
        if (periods[^1].End > trace.DurationSeconds)
            throw new CellFailureException($"the trace ({trace.DurationSeconds:0.###} s) ends before the last inference ({periods[^1].End:0.###} s)");
        return periods.Skip(plan.Warmup).ToList();
    }
}

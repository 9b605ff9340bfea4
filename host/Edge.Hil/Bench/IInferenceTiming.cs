using Edge.Board.Client;
using Edge.Hil.Plan;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Bench;

/// <summary>
/// Where the inferences are in a trace, and so when an acquisition may stop: a simulated board's
/// exact timeline, or a real bench's current threshold (with its hardware trigger).
/// </summary>
public interface IInferenceTiming
{
    /// <summary>How the windows are found, for the results ("board timeline", "threshold 80 mA").</summary>
    string Describe { get; }

    /// <summary>Called before `start`.</summary>
    void Arm();

    /// <summary>Returns once the idle baseline before the first inference is in the trace.</summary>
    Task RecordBaselineAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken);

    /// <summary>After the last inference returned: returns once the trace covers it and the tail.</summary>
    Task CoverLastInferenceAsync(AcquisitionRun run, MeasurementPlan plan, CancellationToken cancellationToken);

    /// <summary>The measured inferences' windows in trace seconds (warm-ups excluded); fails when they cannot be found.</summary>
    IReadOnlyList<PhaseWindow> MeasuredWindows(CurrentTrace trace, MeasurementPlan plan, InferenceRun measured);
}

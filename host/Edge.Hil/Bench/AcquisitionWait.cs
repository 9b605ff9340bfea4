using Edge.Hil.Plan;
using Edge.Power.Session;

namespace Edge.Hil.Bench;

/// <summary>Waiting on a running acquisition without missing its failure.</summary>
public static class AcquisitionWait
{
    /// <summary>Returns once <paramref name="samples"/> samples have arrived; throws the acquisition's own error (an overcurrent's too) if it ends first.</summary>
    public static async Task ForSamplesAsync(AcquisitionRun run, long samples, CancellationToken cancellationToken)
    {
        if (await run.SamplesAsync(samples, cancellationToken).ConfigureAwait(false)) return;
        var summary = await run.Completion.ConfigureAwait(false); // rethrows a dropped or stalled monitor
        // An overcurrent ends the acquisition (the monitor cuts the supply): say so, and do not retry it.
        if (summary.Overcurrent) throw CellFailureException.Overcurrent();
        throw new CellFailureException($"the acquisition ended after {summary.Samples} samples, before the {samples} needed ({summary.End})");
    }
}

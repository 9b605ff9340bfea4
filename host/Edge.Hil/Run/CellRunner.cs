using Edge.Common.Text;
using System.Diagnostics;
using Edge.Board.Link;
using Edge.Hil.Bench;
using Edge.Hil.Cells;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Hil.Storage;
using Edge.Power.Errors;
using Edge.Transport;

namespace Edge.Hil.Run;

/// <summary>
/// Runs one cell unattended: each attempt under the cell timeout; after a failure the target is
/// reset and the cell tried again, up to the plan's retries; the reasons of failed attempts are
/// kept (also when a retry then succeeds). A misfit ends the cell at once, and so does a failure
/// no retry can fix. Only a cancelled run or a result that cannot be written escapes.
/// </summary>
public sealed class CellRunner(Rig rig, RunDirectory directory, MeasurementPlan plan, IRunProgress progress)
{
    public async Task<CellResult> RunAsync(MatrixCell cell, IBenchPosition position, PreparedModel? model, string? preparationError, string inputs,
        CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var row = CellResults.Identity(cell, rig, model, inputs, DateTime.UtcNow);
        try
        {
            if (model is null)
            {
                row.Status = CellStatus.Failed;
                row.FailedPhase = "prepare";
                row.Reason = "the model could not be prepared: " + preparationError;
                return row;
            }
            var failures = new List<string>();
            for (int attempt = 1; ; attempt++)
            {
                row.Attempts = attempt;
                var run = new CellAttempt(position, cell, model, plan, attempt, phase => progress.PhaseChanged(cell, phase, attempt));
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(plan.CellTimeout);
                try
                {
                    var measured = await run.RunAsync(limit.Token).ConfigureAwait(false);
                    progress.PhaseChanged(cell, CellPhase.Record, attempt);
                    await TraceFile.WriteAsync(directory.TracePath(cell.Key), measured.Trace, measured.Windows, cell.Key).ConfigureAwait(false);
                    CellResults.Measured(row, measured, model, plan, position.CostModel, position.Timing.Describe,
                        Path.GetRelativePath(directory.Root, directory.TracePath(cell.Key)));
                    row.Reason = failures.Count == 0 ? null : "recovered after: " + string.Join("; ", failures);
                    return row;
                }
                catch (DoesNotFitException e)
                {
                    row.Status = CellStatus.DoesNotFit;
                    row.Reason = e.Message;
                    return row;
                }
                catch (Exception e) when (e is not ResultWriteException && !cancellationToken.IsCancellationRequested)
                {
                    string phase = CellPhases.Name(run.Phase);
                    string reason = Describe(e);
                    failures.Add($"attempt {attempt} ({phase}): {reason}");
                    if (e is CellFailureException { Retryable: false } || attempt > plan.Retries)
                    {
                        row.Status = CellStatus.Failed;
                        row.FailedPhase = phase;
                        row.Reason = string.Join("; ", failures);
                        return row;
                    }
                    progress.Retrying(cell, attempt, reason);
                    await ResetAsync(position, failures, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            row.Seconds = watch.Elapsed.TotalSeconds;
        }
    }

    /// <summary>The message for the record; errors the harness does not expect are named by type, as they are bugs to report.</summary>
    private string Describe(Exception e) => e switch
    {
        OperationCanceledException => $"no progress within the cell timeout of {Duration.Format(plan.CellTimeout)}",
        CellFailureException or PowerMonitorException or BoardLinkException or TransportException or IOException or TimeoutException => e.Message,
        _ => $"unexpected {e.GetType().Name}: {e.Message}",
    };

    private static async Task ResetAsync(IBenchPosition position, List<string> failures, CancellationToken cancellationToken)
    {
        try
        {
            await position.ResetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failures.Add("the reset failed: " + e.Message);
        }
    }
}

using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.Device.Board;
using Edge.Device.Link;
using Edge.Hil.Bench;
using Edge.Hil.Inputs;
using Edge.Hil.Matrix;
using Edge.Hil.Plan;
using Edge.Models.Verification;
using Edge.Power.Energy;
using Edge.Power.Session;

namespace Edge.Hil.Cells;

/// <summary>
/// One attempt at one cell, phase by phase: flash the revision; open the monitor (supply,
/// format, rate, trigger) and the board link, check the firmware it reports; check the budgets
/// and upload the model; power-cycle and check the board boots into it; acquire the current
/// around warm-up and measured inferences and integrate energy per inference between trigger
/// edges; run the accuracy rows on the board and compare with ONNX Runtime. Throws on failure;
/// <see cref="Phase"/> says where it stopped.
/// </summary>
public sealed class CellAttempt(IBenchPosition position, MatrixCell cell, PreparedModel model, MeasurementPlan plan, int attempt, Action<CellPhase>? onPhase = null)
{
    public CellPhase Phase { get; private set; } = CellPhase.Deploy;

    public async Task<CellMeasurement> RunAsync(CancellationToken cancellationToken)
    {
        var board = cell.Board;
        Enter(CellPhase.Deploy);
        await position.EnsureFirmwareAsync(cell.Firmware, cancellationToken).ConfigureAwait(false);

        Enter(CellPhase.Connect);
        await using var monitor = await position.OpenMonitorAsync(cancellationToken).ConfigureAwait(false);
        await monitor.ConfigureAsync(new AcquisitionSettings
        {
            SupplyVolts = board.SupplyVolts,
            Rate = plan.Rate,
            Duration = null, // until the last inference is in the trace
            Format = board.Monitor.Format,
            Trigger = board.Trigger.Source,
            TriggerDelay = TimeSpan.Zero,
        }, cancellationToken).ConfigureAwait(false);
        await monitor.SetTargetPowerAsync(true, cancellationToken).ConfigureAwait(false);
        var (connected, hello) = await position.ConnectBoardAsync(cancellationToken).ConfigureAwait(false);
        BoardClient? client = connected;
        try
        {
            if (cell.Firmware != FirmwareVersions.Current && hello.FirmwareVersion != cell.Firmware)
                throw new CellFailureException($"the board reports firmware '{hello.FirmwareVersion}', not '{cell.Firmware}': the deploy did not take", retryable: false);

            Enter(CellPhase.Upload);
            if (FitCheck.Problem(board, hello, model) is { } misfit) throw new DoesNotFitException(misfit);
            await UploadAsync(client, cancellationToken).ConfigureAwait(false);

            Enter(CellPhase.PowerCycle);
            await client.DisposeAsync().ConfigureAwait(false);
            client = null; // a link is disposed once
            await position.PowerCycleAsync(monitor, cancellationToken).ConfigureAwait(false);
            (client, hello) = await position.ConnectBoardAsync(cancellationToken).ConfigureAwait(false);
            var booted = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            if (booted.ModelId != model.ModelId)
                throw new CellFailureException($"after the power cycle the board runs {(booted.ModelId.Length == 0 ? "no model" : booted.ModelId)}, not the uploaded {model.ModelId}");

            Enter(CellPhase.Measure);
            var (trace, summary, windows, measured) = await MeasureAsync(monitor, client, cancellationToken).ConfigureAwait(false);
            var energy = EnergyIntegrator.PerInference(trace, windows);

            Enter(CellPhase.Accuracy);
            var outputs = await BoardOutputs.RunAsync(client, hello, model.Rows, model.OutputLength, position, cancellationToken).ConfigureAwait(false);
            var accuracy = ModelVerifier.Compare(model.Task, model.Reference, outputs, model.Labels, plan.DecisionThreshold, model.Input, model.Rows);
            var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            var link = client.Link.Statistics;
            return new CellMeasurement(hello.FirmwareVersion, trace, summary, windows, energy, measured, accuracy,
                status.FreeMemoryBytes > 0 ? status.FreeMemoryBytes : null, link.Resends, link.FramesRejected);
        }
        finally
        {
            if (client is not null) await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task UploadAsync(BoardClient client, CancellationToken cancellationToken)
    {
        UploadResult uploaded;
        try
        {
            uploaded = await client.UploadAsync(UploadKind.Model, model.Edgem, null, cancellationToken).ConfigureAwait(false);
        }
        catch (BoardCommandException e) when (e.Response.Status == LinkStatus.TooLarge)
        {
            throw new DoesNotFitException($"the board refused the upload: the model file is {model.Edgem.Length} bytes, more than its staging area");
        }
        catch (BoardCommandException e) when (e.Response.Status == LinkStatus.InvalidFile && e.Response.Message.Contains("arena", StringComparison.OrdinalIgnoreCase))
        {
            throw new DoesNotFitException("the board refused the model: " + e.Response.Message);
        }
        if (uploaded.ModelId != model.ModelId)
            throw new CellFailureException($"the board committed model {uploaded.ModelId}, not the uploaded {model.ModelId}");
    }

    /// <summary>Current acquired from before the warm-up until after the last measured inference; the measured inferences' windows.</summary>
    private async Task<(CurrentTrace, AcquisitionSummary, IReadOnlyList<PhaseWindow>, InferenceRun)> MeasureAsync(PowerMonitor monitor, BoardClient client,
        CancellationToken cancellationToken)
    {
        var timing = position.Timing;
        await client.SetVectorAsync(0, model.Rows[0], cancellationToken).ConfigureAwait(false);
        // Not pre-sized: the recorder doubles as it fills (at most twice the trace's bytes copied, against seconds of cell).
        var recorder = new CurrentTraceRecorder(plan.Rate, cell.Board.SupplyVolts);
        timing.Arm();
        var run = await monitor.StartAcquisitionAsync(recorder, cancellationToken).ConfigureAwait(false);
        await timing.RecordBaselineAsync(run, plan, cancellationToken).ConfigureAwait(false);
        if (plan.Warmup > 0)
        {
            using (position.InferenceCommand())
                await client.InferAsync(0, 1, plan.Warmup, model.OutputLength, cancellationToken).ConfigureAwait(false);
        }
        InferenceRun measured;
        using (position.InferenceCommand())
            measured = await client.InferAsync(0, 1, plan.Inferences, model.OutputLength, cancellationToken).ConfigureAwait(false);
        await timing.CoverLastInferenceAsync(run, plan, cancellationToken).ConfigureAwait(false);
        var summary = await run.StopAsync(cancellationToken).ConfigureAwait(false);
        if (summary.Overcurrent)
            throw CellFailureException.Overcurrent();
        var health = summary.Statistics;
        if (health.CorruptBytes > 0 || health.BufferOverflows > 0 || health.TimestampMismatches > 0)
            throw new CellFailureException($"the power stream was damaged ({health}): samples may be missing, so the trace's timing cannot be trusted");
        var trace = recorder.ToTrace();
        return (trace, summary, timing.MeasuredWindows(trace, plan, measured), measured);
    }

    private void Enter(CellPhase phase)
    {
        Phase = phase;
        position.EnterPhase(phase, attempt);
        onPhase?.Invoke(phase);
    }
}

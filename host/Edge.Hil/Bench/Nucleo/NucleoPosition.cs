using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Power.Backends;
using Edge.Power.Errors;
using Edge.Power.Session;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench.Nucleo;

/// <summary>
/// A real rig position: a Nucleo board on its UART, flashed with nanoff, powered and measured by
/// an STLINK-V3PWR or LPM01A. Power cycles switch the monitor's output (`pwr off`/`pwr on`),
/// resets use `targrst`. Written against the documented protocols and the simulators; it has
/// not met a board, a monitor or nanoff.
/// </summary>
public sealed class NucleoPosition(RigBoard board, MeasurementPlan plan, ILogger logger) : IBenchPosition
{
    private readonly NanoffDeployer _deployer = new(logger);
    private string _deployed = FirmwareVersions.Current;

    public RigBoard Board { get; } = board;

    public IInferenceTiming Timing { get; } = new ThresholdTiming(board.Trigger.ThresholdMilliamps ?? 0, board.Trigger.Source);

    public BoardProfile? CostModel => null;

    public async Task EnsureFirmwareAsync(string firmware, CancellationToken cancellationToken)
    {
        if (firmware == FirmwareVersions.Current || firmware == _deployed) return;
        if (!Board.Firmware.TryGetValue(firmware, out var image))
            throw new CellFailureException($"the rig lists no image of firmware '{firmware}' for board '{Board.Name}' (it has: {string.Join(", ", Board.Firmware.Keys)})", retryable: false);
        await _deployer.DeployAsync(Board, image, cancellationToken).ConfigureAwait(false);
        _deployed = firmware;
        await Task.Delay(plan.BootTime, cancellationToken).ConfigureAwait(false);
    }

    public Task<PowerMonitor> OpenMonitorAsync(CancellationToken cancellationToken) =>
        PowerMonitor.OpenAsync(Board.Monitor.Port!, new PowerMonitorOptions
        {
            Model = Board.Monitor.Kind == MonitorKind.Lpm01a ? PowerMonitorModel.Lpm01a : PowerMonitorModel.StlinkV3Pwr,
            Logger = logger,
        }, cancellationToken);

    /// <summary>
    /// A real board answers an `infer` of N long inferences only when they are done (resends meanwhile are answered
    /// from its response cache afterwards): the link keeps resending once a second for as long as the cell may take,
    /// and the cell timeout is the watchdog for a hung board.
    /// </summary>
    public Task<(BoardClient Client, BoardHello Hello)> ConnectBoardAsync(CancellationToken cancellationToken) =>
        BoardClient.ConnectAsync(Board.Link!, Board.Baud, new LinkOptions
        {
            ResponseTimeout = TimeSpan.FromSeconds(1),
            Attempts = Math.Max(8, (int)Math.Ceiling(plan.CellTimeout.TotalSeconds)),
        }, logger, cancellationToken);

    public async Task PowerCycleAsync(PowerMonitor monitor, CancellationToken cancellationToken)
    {
        await monitor.SetTargetPowerAsync(false, cancellationToken).ConfigureAwait(false);
        await Task.Delay(plan.PowerOffTime, cancellationToken).ConfigureAwait(false);
        await monitor.SetTargetPowerAsync(true, cancellationToken).ConfigureAwait(false);
        await Task.Delay(plan.BootTime, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var monitor = await OpenMonitorAsync(cancellationToken).ConfigureAwait(false);
            await monitor.ResetTargetAsync(plan.PowerOffTime, cancellationToken).ConfigureAwait(false);
        }
        catch (PowerMonitorException e)
        {
            logger.LogWarning("Could not reset {Board} through its monitor: {Reason}", Board.Name, e.Message);
        }
        await Task.Delay(plan.BootTime, cancellationToken).ConfigureAwait(false);
    }

    public IDisposable InferenceCommand() => NoScope.Instance;

    public void EnterPhase(CellPhase phase, int attempt)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}

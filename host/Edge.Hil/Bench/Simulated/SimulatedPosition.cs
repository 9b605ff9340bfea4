using System.Net;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Power.Session;
using Edge.Power.Simulation;
using Edge.Targets.Costs;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench.Simulated;

/// <summary>
/// A simulated rig position: a <see cref="SimulatedBoard"/> (the device code, its flash in a
/// scratch folder) on a loopback port, and a simulated STLINK-V3PWR powering it through its
/// output (<see cref="SimulatedMonitorOutput"/>) and measuring it through
/// <see cref="SimulatedBoardCurrent"/>. The board runs only while the monitor's output is on:
/// `pwr off` stops it, `pwr on` boots it from its flash, as a real board boots its last committed
/// model. "Flashing" a firmware revision writes it (a powered board restarts into it); a reset
/// restarts a running board. The revisions `managed` and `native` (<see cref="FirmwareBuild"/>)
/// also set the board's cost model: its inferences take the time and energy of that build's
/// measured instruction counts (the outputs are the same bytes; the host runs the managed kernels
/// either way). The rig's simulation faults are injected here.
/// </summary>
public sealed class SimulatedPosition : IBenchPosition
{
    private readonly string _flash;
    private readonly ILogger _logger;
    private readonly SimulatedMonitor _station;
    private readonly bool _ownsMonitor;
    private readonly SimulatedBoardCurrent _current;
    private readonly SimulatedMonitorHost _monitor;
    private readonly BoardLineRelay? _relay;
    private SimulatedBoard? _board;
    private SimulatedBoardHost? _host;
    private readonly BoardProfile _profile;
    private string? _firmware;
    private bool _flashed;

    /// <summary>The folder the board's flash is kept in (tests erase it to make a board boot empty).</summary>
    internal string FlashFolder => _flash;

    /// <param name="monitor">The simulated monitor this board shares with others (the caller's to dispose); null: one of its own.</param>
    public SimulatedPosition(RigBoard board, string scratchFolder, ILogger logger, SimulatedMonitor? monitor = null)
    {
        Board = board;
        _profile = board.ProfileAtSupply ?? throw new ArgumentException($"board '{board.Name}' is not simulated", nameof(board));
        CostModel = _profile;
        _flash = Path.Combine(scratchFolder, board.Name);
        _logger = logger;
        _ownsMonitor = monitor is null;
        _station = monitor ?? new SimulatedMonitor("SIM-" + board.Name);
        _current = _station.Current;
        _monitor = _station.Host;
        // Only a rig that asks for board-line faults gets the relay in the way.
        if (board.Simulation.BoardFault is not null) _relay = new BoardLineRelay("tcp://127.0.0.1:1");
        Timing = new SimulatedEdgeTiming(_current);
    }

    public RigBoard Board { get; }

    public IInferenceTiming Timing { get; }

    /// <summary>The board's cost model with the firmware it runs now.</summary>
    public BoardProfile? CostModel { get; private set; }

    public async Task EnsureFirmwareAsync(string firmware, CancellationToken cancellationToken)
    {
        if (_flashed && _firmware == firmware) return;
        var build = FirmwareBuild.TryFind(firmware) ?? FirmwareBuild.Managed;
        if (_profile.Board.CpiOf(build) is null)
            throw new CellFailureException($"the simulated {_profile.Name} has no cost model for {build.Name} kernels: their instruction counts were not measured on the {_profile.Board.Core}", retryable: false);
        CostModel = _profile.WithFirmware(build);
        _firmware = firmware;
        _flashed = true;
        if (_board is not null) await RestartAsync().ConfigureAwait(false);
    }

    public Task<PowerMonitor> OpenMonitorAsync(CancellationToken cancellationToken)
    {
        // The monitor's output now powers this board (on a shared monitor, the others wait their turn).
        _station.Output.Connect(SupplySwitchedAsync);
        return PowerMonitor.OpenAsync(_monitor.Address, new PowerMonitorOptions
        {
            VoltageSettleTime = TimeSpan.Zero, // a simulated supply needs no calibration pause
            CommandTimeout = TimeSpan.FromSeconds(2),
            Logger = _logger,
        }, cancellationToken);
    }

    public Task<(BoardClient Client, BoardHello Hello)> ConnectBoardAsync(CancellationToken cancellationToken)
    {
        string address = _relay?.Address ?? _host?.Address
            ?? throw new BoardLinkException($"the simulated {Board.Name} is not running: {(_flashed ? "its monitor's output is off (pwr on)" : "no firmware was flashed (EnsureFirmwareAsync)")}");
        return BoardClient.ConnectAsync(address, logger: _logger, cancellationToken: cancellationToken);
    }

    /// <summary>The monitor's output off and on: the board stops and boots from its flash (<see cref="SupplySwitchedAsync"/>).</summary>
    public async Task PowerCycleAsync(PowerMonitor monitor, CancellationToken cancellationToken)
    {
        await monitor.SetTargetPowerAsync(false, cancellationToken).ConfigureAwait(false);
        await monitor.SetTargetPowerAsync(true, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (_board is not null) await RestartAsync().ConfigureAwait(false);
    }

    public IDisposable InferenceCommand() => _current.InferenceCommand();

    public void EnterPhase(CellPhase phase, int attempt)
    {
        var simulation = Board.Simulation;
        bool faulty = simulation.FaultsOn(attempt);
        if (phase == CellPhase.Connect) _monitor.Faults = faulty ? simulation.MonitorFaults : SimulatorFaults.None;
        if (_relay is null || simulation.BoardFault is not { } fault) return;
        if (phase == CellPhase.Deploy) _relay.Silent = false;
        if (!faulty || fault.Phase != phase) return;
        _logger.LogInformation("Simulated fault on {Board}: {Fault} (attempt {Attempt})", Board.Name, fault, attempt);
        if (fault.Kind == BoardLineFaultKind.Silent) _relay.Silent = true;
        else _relay.InjectGarbage(64);
    }

    /// <summary>The monitor switched its output: off stops the board; on boots a board that was off (flashed) from its flash.</summary>
    private async Task SupplySwitchedAsync(bool on)
    {
        if (!on) await StopBoardAsync().ConfigureAwait(false);
        else if (_board is null && _flashed) await RestartAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the board (if running) and starts it again from its flash, on a new port.</summary>
    private async Task RestartAsync()
    {
        await StopBoardAsync().ConfigureAwait(false);
        var board = new SimulatedBoard(CostModel!, _flash, Board.Name, _firmware is null or FirmwareVersions.Current ? null : _firmware, Board.Simulation.RealTime);
        _host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        _board = board;
        _current.Attach(board);
        if (_relay is not null) _relay.Upstream = _host.Address;
    }

    private async Task StopBoardAsync()
    {
        if (_host is not null) await _host.DisposeAsync().ConfigureAwait(false);
        _board?.Dispose();
        _host = null;
        _board = null;
    }

    public async ValueTask DisposeAsync()
    {
        _current.Detach();
        if (_ownsMonitor) await _station.DisposeAsync().ConfigureAwait(false);
        if (_relay is not null) await _relay.DisposeAsync().ConfigureAwait(false);
        await StopBoardAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_flash, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("Could not remove the simulated flash {Folder}: {Reason}", _flash, e.Message);
        }
    }
}

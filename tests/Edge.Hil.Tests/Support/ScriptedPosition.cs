using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Hil.Bench;
using Edge.Hil.Bench.Simulated;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Edge.Power.Session;
using Edge.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// A simulated rig position (its own board and monitor on loopback) with hooks that make it
/// misbehave the way a real bench can: a deploy that flashes another revision, a board that
/// overstates its staging area, something else (or nothing) on the board after the power cycle.
/// It records the phases it was told of and counts the `infer` commands.
/// </summary>
public sealed class ScriptedPosition : IBenchPosition
{
    private readonly SimulatedPosition _inner;

    public ScriptedPosition(RigBoard board)
    {
        _inner = new SimulatedPosition(board, RepoPaths.TempDirectory("hil-scripted"), NullLogger.Instance);
    }

    /// <summary>The revision actually flashed when a revision is asked for (null: the one asked for).</summary>
    public Func<string, string>? Flashes { get; init; }

    /// <summary>What the host is told at hello (null: what the board said).</summary>
    public Func<BoardHello, BoardHello>? Hello { get; init; }

    /// <summary>The board's flash is found empty when the power cycle switches it back on (the commit never reached it).</summary>
    public bool FlashErasedInPowerCycle { get; init; }

    /// <summary>Runs on the board right after it came back from the power cycle, before the cell reconnects.</summary>
    public Func<BoardClient, Task>? AfterPowerCycle { get; init; }

    public int InferenceCommands { get; private set; }

    public List<(CellPhase Phase, int Attempt)> Phases { get; } = [];

    public RigBoard Board => _inner.Board;

    public IInferenceTiming Timing => _inner.Timing;

    public BoardProfile? CostModel => _inner.CostModel;

    public Task EnsureFirmwareAsync(string firmware, CancellationToken cancellationToken) =>
        _inner.EnsureFirmwareAsync(Flashes?.Invoke(firmware) ?? firmware, cancellationToken);

    public Task<PowerMonitor> OpenMonitorAsync(CancellationToken cancellationToken) => _inner.OpenMonitorAsync(cancellationToken);

    public async Task<(BoardClient Client, BoardHello Hello)> ConnectBoardAsync(CancellationToken cancellationToken)
    {
        var (client, hello) = await _inner.ConnectBoardAsync(cancellationToken);
        return (client, Hello?.Invoke(hello) ?? hello);
    }

    public async Task PowerCycleAsync(PowerMonitor monitor, CancellationToken cancellationToken)
    {
        if (FlashErasedInPowerCycle)
        {
            await monitor.SetTargetPowerAsync(false, cancellationToken);
            foreach (string file in Directory.EnumerateFiles(_inner.FlashFolder, "*", SearchOption.AllDirectories)) File.Delete(file);
        }
        await _inner.PowerCycleAsync(monitor, cancellationToken);
        if (AfterPowerCycle is null) return;
        var (client, _) = await _inner.ConnectBoardAsync(cancellationToken);
        await using (client) await AfterPowerCycle(client);
    }

    public Task ResetAsync(CancellationToken cancellationToken) => _inner.ResetAsync(cancellationToken);

    public IDisposable InferenceCommand()
    {
        InferenceCommands++;
        return _inner.InferenceCommand();
    }

    public void EnterPhase(CellPhase phase, int attempt)
    {
        Phases.Add((phase, attempt));
        _inner.EnterPhase(phase, attempt);
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}

using Edge.Device.Board;
using Edge.Targets.Boards;
using Edge.Targets.Costs;

namespace Edge.Board.Simulation;

/// <summary>
/// What a simulated board is: the real board it stands for (Edge.Targets' <see cref="BoardTarget"/>:
/// managed heap, the board app's sizes, clock and CPI band), the cost model that times its
/// inferences, and the current that sets their energy. Inference time = instructions nanoCLR
/// executes for the model's work (counted under QEMU, <see cref="InterpreterCost.NanoClr"/>) x the
/// core's CPI band / clock; the simulator runs at the middle of the band and reports the band.
/// The currents are typical datasheet run-mode figures. Every simulated figure Edge reports is
/// labelled simulated.
/// <see cref="Window"/> is the link's pipeline window the firmware is built with
/// (<see cref="BoardConfig.ResponseCacheSlots"/> of the board's preset): each slot keeps one
/// encoded answer (about 1.05 KB).
/// </summary>
public sealed record BoardProfile(
    string Name,
    BoardTarget Board,
    InterpreterCost Cost,
    double IdleMilliamps,
    double ActiveMilliamps,
    double SupplyVolts,
    int ArenaBudget,
    int StagingCapacity,
    int Window,
    bool UnconstrainedMemory = false)
{
    /// <summary>
    /// This board's timing and current with the board app's sizes of a roomy build (256 KB staging,
    /// 16 vector slots, rows of 512): for exercising the link and the loop with files the real
    /// board's heap could not hold. Says so in its name; the memory model still applies to real boards.
    /// </summary>
    public BoardProfile WithUnconstrainedMemory() => this with
    {
        Name = Name + "-unconstrained",
        UnconstrainedMemory = true,
        StagingCapacity = 256 * 1024,
        ArenaBudget = 60 * 1024,
    };

    public static readonly BoardProfile NucleoF746zg = For(BoardTarget.NucleoF746zg, idleMilliamps: 60, activeMilliamps: 110);

    public static readonly BoardProfile NucleoF091rc = For(BoardTarget.NucleoF091rc, idleMilliamps: 9, activeMilliamps: 22);

    public static readonly BoardProfile NucleoF401re = For(BoardTarget.NucleoF401re, idleMilliamps: 15, activeMilliamps: 30);

    public static IReadOnlyList<BoardProfile> Known { get; } = [NucleoF746zg, NucleoF091rc, NucleoF401re];

    /// <summary>The nanoFramework target the simulated board stands for.</summary>
    public string Target => Board.NanoTarget;

    public double ClockMHz => Board.ClockMHz;

    /// <summary>The board app's allocation sizes on this board, with this profile's staging and arena.</summary>
    public BoardConfig Config()
    {
        var config = UnconstrainedMemory ? new BoardConfig() : Board.Preset();
        config.StagingCapacity = StagingCapacity;
        config.ArenaBudget = ArenaBudget;
        config.ResponseCacheSlots = Window;
        return config;
    }

    public static BoardProfile Find(string name) =>
        Known.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown board '{name}' (known: {string.Join(", ", Known.Select(p => p.Name))})");

    /// <summary>Modelled duration of one inference of this much work, in microseconds: the middle of the CPI band.</summary>
    public double InferenceMicros(ModelWork work)
    {
        var (low, high) = InferenceBand(work);
        return (low + high) / 2;
    }

    /// <summary>The duration band of one inference (the CPI band's ends), in microseconds.</summary>
    public (double Low, double High) InferenceBand(ModelWork work) =>
        Board.Micros(Cost.Instructions(work.Operations, work.Macs, work.Splits, work.Elements));

    /// <summary>"13-20 ms on nucleo-f746zg, estimated from measured instruction counts (...)".</summary>
    public string InferenceEstimate(ModelWork work) => Board.EstimateText(Cost.Instructions(work.Operations, work.Macs, work.Splits, work.Elements));

    /// <summary>Modelled energy of one inference, in microjoules: supply volts times active current times duration.</summary>
    public double InferenceMicrojoules(ModelWork work) => SupplyVolts * ActiveMilliamps / 1000 * InferenceMicros(work);

    private static BoardProfile For(BoardTarget board, double idleMilliamps, double activeMilliamps)
    {
        var preset = board.Preset();
        return new BoardProfile(board.Name, board, InterpreterCost.NanoClr, idleMilliamps, activeMilliamps, 3.3, preset.ArenaBudget, preset.StagingCapacity, preset.ResponseCacheSlots);
    }
}

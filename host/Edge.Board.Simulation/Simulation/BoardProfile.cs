namespace Edge.Board.Simulation;

/// <summary>
/// What a simulated board is: its identity and memory as the firmware reports them, and the cost
/// model that times inferences and sets their current. The cycle figures are planning
/// assumptions for nanoCLR's IL interpreter (roughly 0.3-2 us per IL op on a 216 MHz M7, an int8
/// multiply-accumulate being about ten IL ops; shared/reference/nanoframework.md §3.4), not
/// measurements; the currents are typical datasheet run-mode figures. Every simulated figure Edge
/// reports is labelled simulated. <see cref="Window"/> is the link's pipeline window the firmware
/// would be built with: each slot keeps one encoded answer (about 1.05 KB), so the F091RC's 32 KB
/// of RAM affords one (stop-and-wait), the others four.
/// </summary>
public sealed record BoardProfile(
    string Name,
    string Target,
    double ClockMHz,
    double CyclesPerMac,
    double CyclesPerSplit,
    double CyclesPerElement,
    double CyclesPerOperation,
    double IdleMilliamps,
    double ActiveMilliamps,
    double SupplyVolts,
    int ArenaBudget,
    int StagingCapacity,
    int Window)
{
    public static readonly BoardProfile NucleoF746zg = new(
        "nucleo-f746zg", "ST_NUCLEO144_F746ZG", ClockMHz: 216, CyclesPerMac: 600, CyclesPerSplit: 500, CyclesPerElement: 200,
        CyclesPerOperation: 20_000, IdleMilliamps: 60, ActiveMilliamps: 110, SupplyVolts: 3.3, ArenaBudget: 60 * 1024, StagingCapacity: 256 * 1024, Window: 4);

    public static readonly BoardProfile NucleoF091rc = new(
        "nucleo-f091rc", "ST_NUCLEO64_F091RC", ClockMHz: 48, CyclesPerMac: 900, CyclesPerSplit: 700, CyclesPerElement: 300,
        CyclesPerOperation: 25_000, IdleMilliamps: 9, ActiveMilliamps: 22, SupplyVolts: 3.3, ArenaBudget: 4 * 1024, StagingCapacity: 24 * 1024, Window: 1);

    public static readonly BoardProfile NucleoF401re = new(
        "nucleo-f401re", "ST_NUCLEO64_F401RE_NF", ClockMHz: 84, CyclesPerMac: 650, CyclesPerSplit: 520, CyclesPerElement: 210,
        CyclesPerOperation: 21_000, IdleMilliamps: 15, ActiveMilliamps: 30, SupplyVolts: 3.3, ArenaBudget: 40 * 1024, StagingCapacity: 96 * 1024, Window: 4);

    public static IReadOnlyList<BoardProfile> Known { get; } = [NucleoF746zg, NucleoF091rc, NucleoF401re];

    public static BoardProfile Find(string name) =>
        Known.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown board '{name}' (known: {string.Join(", ", Known.Select(p => p.Name))})");

    /// <summary>Modelled duration of one inference of this much work, in microseconds.</summary>
    public double InferenceMicros(ModelWork work) =>
        (work.Operations * CyclesPerOperation + work.Macs * CyclesPerMac + work.Splits * CyclesPerSplit + work.Elements * CyclesPerElement) / ClockMHz;

    /// <summary>Modelled energy of one inference, in microjoules: supply volts times active current times duration.</summary>
    public double InferenceMicrojoules(ModelWork work) => SupplyVolts * ActiveMilliamps / 1000 * InferenceMicros(work);
}

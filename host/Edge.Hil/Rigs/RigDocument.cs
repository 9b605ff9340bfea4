namespace Edge.Hil.Rigs;

// The YAML shape of a rig file (keys in kebab-case), read by RigLoader and checked there.
// Everything is optional here so that a missing key is reported by name, not as a null.

internal sealed class RigDocument
{
    public string? Rig { get; set; }
    public string? Description { get; set; }
    public MeasurementDocument? Measurement { get; set; }
    public List<BoardDocument>? Boards { get; set; }
}

internal sealed class MeasurementDocument
{
    public int? Warmup { get; set; }
    public int? Inferences { get; set; }
    public string? SampleRate { get; set; }
    public string? Settle { get; set; }
    public string? Tail { get; set; }
    public int? AccuracyRows { get; set; }
    public double? DecisionThreshold { get; set; }
    public string? CellTimeout { get; set; }
    public int? Retries { get; set; }
    public string? PowerOff { get; set; }
    public string? BootTime { get; set; }
}

internal sealed class BoardDocument
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Profile { get; set; }
    public string? Target { get; set; }
    public string? Link { get; set; }
    public int? Baud { get; set; }
    public string? DeployPort { get; set; }
    public double? SupplyVolts { get; set; }
    public MonitorDocument? Monitor { get; set; }
    public TriggerDocument? Trigger { get; set; }
    public BudgetsDocument? Budgets { get; set; }
    public Dictionary<string, FirmwareDocument>? Firmware { get; set; }
    public SimulationDocument? Simulation { get; set; }
}

internal sealed class MonitorDocument
{
    public string? Kind { get; set; }
    public string? Port { get; set; }
    public string? Format { get; set; }
    public string? Name { get; set; }
}

internal sealed class TriggerDocument
{
    public string? Source { get; set; }
    public double? ThresholdMa { get; set; }
}

internal sealed class BudgetsDocument
{
    public int? Staging { get; set; }
    public int? Arena { get; set; }
    public int? Heap { get; set; }
}

internal sealed class FirmwareDocument
{
    public string? Clr { get; set; }
    public string? App { get; set; }
}

internal sealed class SimulationDocument
{
    public string? MonitorFaults { get; set; }
    public string? BoardFault { get; set; }
    public int? FaultAttempts { get; set; }
    public bool? RealTime { get; set; }
}

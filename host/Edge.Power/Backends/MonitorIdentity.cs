namespace Edge.Power.Backends;

/// <summary>What the monitor says it is (`powershield`, `version`).</summary>
public sealed record MonitorIdentity(PowerMonitorModel Model, string Name, string BoardId, string FirmwareVersion)
{
    public override string ToString() => $"{Name} board {BoardId}, firmware {FirmwareVersion}";
}

namespace Edge.Power.Errors;

/// <summary>An acquisition was running but the monitor sent no bytes for longer than the stall timeout.</summary>
public sealed class AcquisitionStalledException(string message) : PowerMonitorException(message);

namespace Edge.Power.Errors;

/// <summary>The link to the monitor closed or failed (unplugged, peer closed, port error).</summary>
public sealed class MonitorDisconnectedException(string message, Exception? inner = null) : PowerMonitorException(message, inner);

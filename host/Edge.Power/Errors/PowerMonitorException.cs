namespace Edge.Power.Errors;

/// <summary>
/// The power monitor could not do what was asked; the message names the monitor, the command or
/// phase, and what was received. Subclasses say which way it went wrong.
/// </summary>
public class PowerMonitorException(string message, Exception? inner = null) : Exception(message, inner);

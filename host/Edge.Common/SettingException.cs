namespace Edge.Common;

/// <summary>
/// A value the user chose is not valid: a command-line option, or a setting passed through one
/// (a column list, a board name, a fault list). The message names the setting and what it takes.
/// `edge` answers it as a usage error. It is an <see cref="ArgumentException"/>, so callers that
/// guard arguments generally still catch it.
/// </summary>
public sealed class SettingException(string message, Exception? inner = null) : ArgumentException(message, inner);

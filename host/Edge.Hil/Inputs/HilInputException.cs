namespace Edge.Hil.Inputs;

/// <summary>A run's inputs cannot be used (models, data, output folder): the message names the file or option and what to do.</summary>
public sealed class HilInputException(string message, Exception? inner = null) : Exception(message, inner);

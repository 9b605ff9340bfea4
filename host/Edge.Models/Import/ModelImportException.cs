namespace Edge.Models.Import;

/// <summary>An ONNX model edge cannot convert: unreadable, or a node it cannot map, named in the message.</summary>
public sealed class ModelImportException(string message, Exception? inner = null) : Exception(message, inner);

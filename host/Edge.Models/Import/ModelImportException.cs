namespace Edge.Models.Import;

/// <summary>An ONNX model edge cannot convert: unreadable, or a node it cannot map, named in the message.</summary>
public class ModelImportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A node that was not checked because an input comes from a node that does not convert.</summary>
public sealed class BlockedImportException(string message) : ModelImportException(message);

namespace Edge.Hil.Inputs;

/// <summary>A model of the matrix: its name (the file name without extension), the float ONNX model, and a pre-converted .edgem if one was given.</summary>
public sealed record ModelSource(string Name, string OnnxPath, string? EdgemPath);

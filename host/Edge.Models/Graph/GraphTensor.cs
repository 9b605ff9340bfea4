namespace Edge.Models.Graph;

/// <summary>An activation tensor of the converted graph (batch 1), identified by object, named after its ONNX value.</summary>
public sealed class GraphTensor(string name, int[] shape)
{
    public string Name { get; set; } = name;

    public int[] Shape { get; } = shape;

    /// <summary>The quantisation a pre-quantised model (QDQ, QOperator) gives this tensor, kept instead of calibrating; int8 terms.</summary>
    public Quantization.AffineQuantization? Pinned { get; set; }

    /// <summary>False for tensors the converter made up (the pieces of a split softmax, a requantised copy): ONNX has no value of that name.</summary>
    public bool IsOnnxValue { get; init; } = true;

    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);

    public string ShapeText => "[" + string.Join(",", Shape) + "]";

    public override string ToString() => $"{Name}{ShapeText}";
}

namespace Edge.Models.Graph;

/// <summary>An activation tensor of the converted graph (batch 1), identified by object, named after its ONNX value.</summary>
public sealed class GraphTensor(string name, int[] shape)
{
    public string Name { get; set; } = name;

    public int[] Shape { get; } = shape;

    public int ElementCount => Shape.Aggregate(1, (a, b) => a * b);

    public string ShapeText => "[" + string.Join(",", Shape) + "]";

    public override string ToString() => $"{Name}{ShapeText}";
}

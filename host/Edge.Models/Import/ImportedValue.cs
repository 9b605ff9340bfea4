using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>What an ONNX value name stands for while the importer walks the graph.</summary>
internal abstract record ImportedValue;

/// <summary>A constant (initializer, Constant node, or folded constant arithmetic).</summary>
internal sealed record ConstValue(ConstTensor Tensor) : ImportedValue;

/// <summary>An activation tensor of the converted graph.</summary>
internal sealed record TensorValue(GraphTensor Tensor) : ImportedValue;

/// <summary>
/// A constant affine map still waiting for a neighbour to fold into: value = Source·A + B along
/// <see cref="Axis"/> (-1: one scalar pair for every element). Made by Sub/Div/Mul/Add with a
/// constant and by BatchNormalization; <see cref="Nodes"/> names them for messages.
/// </summary>
internal sealed record AffineValue(GraphTensor Source, int Axis, double[] A, double[] B, IReadOnlyList<string> Nodes, bool SoleUseOfSource) : ImportedValue
{
    public string Describe => string.Join(", ", Nodes);

    /// <summary>The per-index (a, b) along an axis of the given length (a scalar map repeats).</summary>
    public (double[] A, double[] B) Along(int length) =>
        Axis < 0 ? (Enumerable.Repeat(A[0], length).ToArray(), Enumerable.Repeat(B[0], length).ToArray()) : (A, B);

    public bool FitsAxis(int axis) => Axis < 0 || Axis == axis;
}

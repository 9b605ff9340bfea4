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

/// <summary>
/// A Pad waiting for its consumer: a convolution or average pool absorbs constant zero padding
/// into its own (count-include-pad for the pool); anything else gets a Pad op.
/// <see cref="Pads"/> holds begin then end per axis of <see cref="Source"/>.
/// </summary>
internal sealed record PaddedValue(GraphTensor Source, PadMode Mode, int[] Pads, double Value, string Node) : ImportedValue
{
    public int Rank => Source.Shape.Length;

    public int[] Shape => Source.Shape.Select((d, i) => d + Pads[i] + Pads[i + Rank]).ToArray();

    /// <summary>True when only the axes from <paramref name="firstAxis"/> on are padded, with real zeros.</summary>
    public bool IsZeroPaddingFrom(int firstAxis) =>
        Mode == PadMode.Constant && Value == 0 && Enumerable.Range(0, firstAxis).All(a => Pads[a] == 0 && Pads[a + Rank] == 0);
}

/// <summary>An output of a node that did not convert (while <c>edge model inspect --onnx</c> keeps going): reading it names that node.</summary>
internal sealed record UnavailableValue(string Node) : ImportedValue;

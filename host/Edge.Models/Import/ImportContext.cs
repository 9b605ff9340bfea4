using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>The importer's state: what each ONNX name stands for, the ops so far, and who consumes what.</summary>
internal sealed class ImportContext(string source, long opset)
{
    private readonly Dictionary<string, ImportedValue> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _graphOutputs = new(StringComparer.Ordinal);
    private readonly Dictionary<GraphTensor, GraphOp> _producers = new();

    public string Source { get; } = source;

    /// <summary>The default-domain opset, for attributes whose defaults changed between opsets.</summary>
    public long Opset { get; } = opset;

    public List<GraphOp> Ops { get; } = new();

    public List<GraphInput> Inputs { get; } = new();

    public List<string> Folds { get; } = new();

    /// <summary>Graph outputs the device does not produce (a classifier's label, the argmax of its scores).</summary>
    public HashSet<string> DroppedOutputs { get; } = new(StringComparer.Ordinal);

    public void CountConsumer(string name) => _consumers[name] = _consumers.GetValueOrDefault(name) + 1;

    public void MarkGraphOutput(string name) => _graphOutputs.Add(name);

    public bool IsGraphOutput(string name) => _graphOutputs.Contains(name);

    /// <summary>True when exactly one node reads the value and it is not a graph output, so its producer may change it.</summary>
    public bool SoleConsumer(string name) => _consumers.GetValueOrDefault(name) == 1 && !_graphOutputs.Contains(name);

    /// <summary>True when nothing reads the value (an unused output of a multi-output node).</summary>
    public bool Unused(string name) => _consumers.GetValueOrDefault(name) == 0 && !_graphOutputs.Contains(name);

    public void Define(string name, ImportedValue value) => _values[name] = value;

    public bool IsDefined(string name) => _values.ContainsKey(name);

    public ImportedValue Value(OnnxNode node, string name) => _values.TryGetValue(name, out var value)
        ? value is UnavailableValue u ? throw new BlockedImportException($"node {node.Describe}: not checked: its input '{name}' comes from {u.Node}, which does not convert") : value
        : throw node.Fail($"input '{name}' is not produced by any earlier node, initializer or graph input");

    public ConstTensor? TryConst(string name) => _values.TryGetValue(name, out var v) && v is ConstValue c ? c.Tensor : null;

    /// <summary>Shapes ONNX Runtime inferred for intermediate values (batch 1), when the graph was prepared by it; lets a check go on past a node that does not convert.</summary>
    public Dictionary<string, int[]> InferredShapes { get; } = new(StringComparer.Ordinal);

    public ConstTensor Const(OnnxNode node, int input, string what)
    {
        if (input >= node.Inputs.Count || node.Inputs[input].Length == 0) throw node.Fail($"{what} (input {input}) is missing");
        return TryConst(node.Inputs[input]) ?? throw node.Fail($"{what} must be a constant (initializer); edge converts models whose weights are fixed");
    }

    /// <summary>An optional constant input: null when absent.</summary>
    public ConstTensor? OptionalConst(OnnxNode node, int input, string what) =>
        input < node.Inputs.Count && node.Inputs[input].Length > 0 ? Const(node, input, what) : null;

    /// <summary>The shape a value has (an activation's, a pending map's source's, a constant's).</summary>
    public static int[] ShapeOf(ImportedValue value) => value switch
    {
        TensorValue t => t.Tensor.Shape,
        AffineValue a => a.Source.Shape,
        PaddedValue p => p.Shape,
        ConstValue c => c.Tensor.Shape,
        _ => throw new InvalidOperationException("unknown value"),
    };

    public GraphOp? ProducerOf(GraphTensor tensor) => _producers.GetValueOrDefault(tensor);

    public GraphInput? InputOf(GraphTensor tensor) => Inputs.FirstOrDefault(i => i.Tensor == tensor);

    public void Add(GraphOp op)
    {
        Ops.Add(op);
        _producers[op.Output] = op;
    }

    /// <summary>Adds an op and makes its output what <paramref name="name"/> stands for.</summary>
    public void Add(GraphOp op, string name)
    {
        Add(op);
        Define(name, new TensorValue(op.Output));
    }

    public void Fold(string what, string into) => Folds.Add($"{what} folded into {into}");

    /// <summary>
    /// The activation tensor behind an input of a node that needs a plain tensor. A pending affine
    /// map is folded into the input quantiser when it sits directly on a graph input used by
    /// nothing else, else it becomes a per-channel 1×1 depthwise convolution (axis 1); a pending
    /// Pad becomes a Pad op.
    /// </summary>
    public GraphTensor Tensor(OnnxNode node, int input)
    {
        if (input >= node.Inputs.Count || node.Inputs[input].Length == 0) throw node.Fail($"input {input} is missing");
        string name = node.Inputs[input];
        switch (Value(node, name))
        {
            case TensorValue t:
                return t.Tensor;
            case AffineValue a when InputOf(a.Source) is { } graphInput && a.SoleUseOfSource && a.FitsAxis(1) && !graphInput.IsFloatKey && a.Source.Pinned is null:
                var (va, vb) = a.Along(graphInput.Channels);
                graphInput.Compose(va, vb);
                Fold(a.Describe, $"the quantiser of input '{graphInput.OnnxName}'");
                Define(name, new TensorValue(a.Source));
                return a.Source;
            case AffineValue a when a.FitsAxis(1) && a.Source.Shape.Length >= 2:
                var affine = ChannelAffine(a, name);
                Folds.Add($"{a.Describe} kept as a per-channel scale and offset (1x1 depthwise convolution): no neighbour to fold into");
                Define(name, new TensorValue(affine));
                return affine;
            case AffineValue a:
                throw node.Fail($"it reads the output of constant arithmetic ({a.Describe}) that varies along axis {a.Axis} and cannot be folded into a neighbour: " +
                    "edge folds such nodes into a Gemm/MatMul/Conv before or after them, a tree ensemble before them, or the model input, or keeps a map along axis 1");
            case PaddedValue p:
                var padded = MaterializePad(p, name);
                Define(name, new TensorValue(padded));
                return padded;
            default:
                throw node.Fail($"input '{name}' is a constant; edge expects an activation here");
        }
    }

    /// <summary>x·a[c] + b[c] along axis 1 as a 1×1 depthwise convolution (exact per-channel weights).</summary>
    private GraphTensor ChannelAffine(AffineValue a, string name)
    {
        var shape = a.Source.Shape;
        int channels = shape[1];
        int plane = shape.Skip(2).Aggregate(1, (x, y) => x * y);
        var (wa, wb) = a.Along(channels);
        var output = new GraphTensor(name, shape);
        var axis = new WindowAxis(1, 1, 1, 1, 1, 0);
        var op = new Conv2DOp(name, string.Join("+", a.Nodes.Select(n => n.Split(' ')[0])), a.Source, output, channels, channels, channels,
            axis, new WindowAxis(plane, plane, 1, 1, 1, 0), (double[])wa.Clone(), (double[])wb.Clone());
        Add(op);
        return output;
    }

    private GraphTensor MaterializePad(PaddedValue p, string name)
    {
        int rank = p.Rank;
        if (p.Pads.Take(1).Concat(p.Pads.Skip(rank).Take(1)).Any(v => v != 0))
            throw new ModelImportException($"node Pad '{p.Node}': padding the batch axis is not supported");
        var inShape = p.Source.Shape.Skip(1).ToArray();
        var outShape = p.Shape.Skip(1).ToArray();
        var begins = p.Pads.Skip(1).Take(rank - 1).ToArray();
        if (inShape.Count(d => d > 1) > Shape4.Rank || inShape.Length > Shape4.Rank && begins.Take(inShape.Length - Shape4.Rank).Any(b => b != 0))
            throw new ModelImportException($"node Pad '{p.Node}': edge pads tensors of at most {Shape4.Rank} axes besides the batch");
        int extra = Math.Max(0, Shape4.Rank - inShape.Length);
        int[] Four(int[] dims, int fill) => Enumerable.Repeat(fill, extra).Concat(dims.Skip(Math.Max(0, dims.Length - Shape4.Rank))).ToArray();
        var output = new GraphTensor(name, p.Shape);
        Add(new PadOp(p.Node, p.Source, output, p.Mode, Four(inShape, 1), Four(begins, 0), Four(outShape, 1), p.Value));
        return output;
    }
}

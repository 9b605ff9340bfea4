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

    /// <summary>True when exactly one node reads the value and it is not a graph output, so its producer may change it.</summary>
    public bool SoleConsumer(string name) => _consumers.GetValueOrDefault(name) == 1 && !_graphOutputs.Contains(name);

    public void Define(string name, ImportedValue value) => _values[name] = value;

    public ImportedValue Value(OnnxNode node, string name) =>
        _values.TryGetValue(name, out var value) ? value : throw node.Fail($"input '{name}' is not produced by any earlier node, initializer or graph input");

    public ConstTensor? TryConst(string name) => _values.TryGetValue(name, out var v) && v is ConstValue c ? c.Tensor : null;

    public ConstTensor Const(OnnxNode node, int input, string what)
    {
        if (input >= node.Inputs.Count || node.Inputs[input].Length == 0) throw node.Fail($"{what} (input {input}) is missing");
        return TryConst(node.Inputs[input]) ?? throw node.Fail($"{what} must be a constant (initializer); edge converts models whose weights are fixed");
    }

    public GraphOp? ProducerOf(GraphTensor tensor) => _producers.GetValueOrDefault(tensor);

    public GraphInput? InputOf(GraphTensor tensor) => Inputs.FirstOrDefault(i => i.Tensor == tensor);

    public void Add(GraphOp op)
    {
        Ops.Add(op);
        _producers[op.Output] = op;
    }

    public void Fold(string what, string into) => Folds.Add($"{what} folded into {into}");

    /// <summary>
    /// The activation tensor behind an input of a node that needs a plain tensor. A pending affine
    /// map is folded into the input quantiser when it sits directly on a graph input used by
    /// nothing else; any other pending map cannot be folded here, and the message names it.
    /// </summary>
    public GraphTensor Tensor(OnnxNode node, int input)
    {
        if (input >= node.Inputs.Count || node.Inputs[input].Length == 0) throw node.Fail($"input {input} is missing");
        string name = node.Inputs[input];
        switch (Value(node, name))
        {
            case TensorValue t:
                return t.Tensor;
            case AffineValue a when InputOf(a.Source) is { } graphInput && a.SoleUseOfSource && a.FitsAxis(1) && !graphInput.IsFloatKey:
                var (va, vb) = a.Along(graphInput.Channels);
                graphInput.Compose(va, vb);
                Fold(a.Describe, $"the quantiser of input '{graphInput.OnnxName}'");
                Define(name, new TensorValue(a.Source));
                return a.Source;
            case AffineValue a:
                throw node.Fail($"it reads the output of constant arithmetic ({a.Describe}) that cannot be folded into a neighbour: " +
                    "edge folds such nodes into a Gemm/MatMul/Conv before or after them, a tree ensemble before them, or the model input");
            default:
                throw node.Fail($"input '{name}' is a constant; edge expects an activation here");
        }
    }
}

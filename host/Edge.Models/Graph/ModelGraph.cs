namespace Edge.Models.Graph;

/// <summary>
/// The converted float graph: inputs (with their folded affine maps), operations in execution
/// order, outputs, and what the importer folded where (for the report).
/// </summary>
public sealed class ModelGraph(IReadOnlyList<GraphInput> inputs, IReadOnlyList<GraphOp> ops, IReadOnlyList<(string OnnxName, GraphTensor Tensor)> outputs, IReadOnlyList<string> folds)
{
    public IReadOnlyList<GraphInput> Inputs { get; } = inputs;

    public IReadOnlyList<GraphOp> Ops { get; } = ops;

    public IReadOnlyList<(string OnnxName, GraphTensor Tensor)> Outputs { get; } = outputs;

    /// <summary>One line per folded node: "Sub '/Sub' folded into the input quantiser".</summary>
    public IReadOnlyList<string> Folds { get; } = folds;

    public long Macs => Ops.Sum(o => o.Macs);

    /// <summary>The same graph with more lines in its folds (how the graph was prepared).</summary>
    public ModelGraph WithFolds(IEnumerable<string> before) => new(Inputs, Ops, Outputs, before.Concat(Folds).ToList());

    public long Parameters => Ops.Sum(o => o.Parameters);

    /// <summary>Values of every input together: a row holds the inputs one after another, in input order.</summary>
    public int RowLength => Inputs.Sum(i => i.Tensor.ElementCount);

    /// <summary>Runs the float graph on one row (every input's values one after another); returns every tensor's values.</summary>
    public Dictionary<GraphTensor, float[]> Execute(float[] row)
    {
        if (row.Length != RowLength) throw new ArgumentException($"row has {row.Length} values, the model's inputs take {RowLength}");
        var parts = new List<float[]>(Inputs.Count);
        int at = 0;
        foreach (var input in Inputs)
        {
            parts.Add(row.AsSpan(at, input.Tensor.ElementCount).ToArray());
            at += input.Tensor.ElementCount;
        }
        return Execute(parts);
    }

    /// <summary>Runs the float graph on one value array per input; returns every tensor's values.</summary>
    public Dictionary<GraphTensor, float[]> Execute(IReadOnlyList<float[]> rawInputs)
    {
        var values = new Dictionary<GraphTensor, float[]>();
        for (int i = 0; i < Inputs.Count; i++)
            values[Inputs[i].Tensor] = Inputs[i].IsFloatKey ? rawInputs[i] : Inputs[i].Apply(rawInputs[i]);
        foreach (var op in Ops)
        {
            var output = new float[op.Output.ElementCount];
            op.Evaluate(op.Inputs.Select(t => values[t]).ToList(), output);
            values[op.Output] = output;
        }
        return values;
    }
}

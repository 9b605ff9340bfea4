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

    /// <summary>Runs the float graph on one row; returns every tensor's values.</summary>
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

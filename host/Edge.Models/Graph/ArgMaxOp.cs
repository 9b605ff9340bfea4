namespace Edge.Models.Graph;

/// <summary>ArgMax along one axis, the input seen as [outer][depth][inner]; the index as a value (first on ties unless SelectLast).</summary>
public sealed class ArgMaxOp(string name, GraphTensor input, GraphTensor output, int outer, int depth, int inner, bool selectLast)
    : GraphOp(name, "ArgMax", [input], output)
{
    public int Outer { get; } = outer;
    public int Depth { get; } = depth;
    public int Inner { get; } = inner;
    public bool SelectLast { get; } = selectLast;

    public override string Kind => "ArgMax";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int o = 0; o < Outer; o++)
        for (int i = 0; i < Inner; i++)
        {
            int best = 0;
            for (int d = 1; d < Depth; d++)
            {
                float v = x[(o * Depth + d) * Inner + i], b = x[(o * Depth + best) * Inner + i];
                if (v > b || (SelectLast && v == b)) best = d;
            }
            output[o * Inner + i] = best;
        }
    }
}

namespace Edge.Models.Graph;

public enum ReduceMode
{
    Sum,
    Mean,
    Max,
}

/// <summary>ReduceSum / ReduceMean / ReduceMax over one run of adjacent axes, the input seen as [outer][count][inner].</summary>
public sealed class ReduceOp(string name, string sourceOps, GraphTensor input, GraphTensor output, ReduceMode mode, int outer, int count, int inner)
    : GraphOp(name, sourceOps, [input], output)
{
    public ReduceMode Mode { get; } = mode;
    public int Outer { get; } = outer;
    public int Count { get; } = count;
    public int Inner { get; } = inner;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => "Reduce" + Mode;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int o = 0; o < Outer; o++)
        for (int i = 0; i < Inner; i++)
        {
            double acc = Mode == ReduceMode.Max ? double.NegativeInfinity : 0;
            for (int r = 0; r < Count; r++)
            {
                double v = x[(o * Count + r) * Inner + i];
                acc = Mode == ReduceMode.Max ? Math.Max(acc, v) : acc + v;
            }
            if (Mode == ReduceMode.Mean) acc /= Count;
            output[o * Inner + i] = Activation.Apply(acc);
        }
    }
}

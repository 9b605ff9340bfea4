namespace Edge.Models.Graph;

/// <summary>Softmax over the last axis.</summary>
public sealed class SoftmaxOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int rows, int depth)
    : GraphOp(name, sourceOps, [input], output)
{
    public int Rows { get; } = rows;
    public int Depth { get; } = depth;

    public override string Kind => "Softmax";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int r = 0; r < Rows; r++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int i = 0; i < Depth; i++) max = Math.Max(max, x[r * Depth + i]);
            for (int i = 0; i < Depth; i++) sum += Math.Exp(x[r * Depth + i] - max);
            for (int i = 0; i < Depth; i++) output[r * Depth + i] = (float)(Math.Exp(x[r * Depth + i] - max) / sum);
        }
    }
}

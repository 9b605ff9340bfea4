namespace Edge.Models.Graph;

/// <summary>y[r,c] = act(Σ_d W[c,d]·x[r,d] + B[c]): Gemm, MatMul+Add, with folded affine neighbours.</summary>
public sealed class FullyConnectedOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int rows, int inFeatures, int outFeatures, double[] weights, double[] bias)
    : GraphOp(name, sourceOps, [input], output)
{
    public int Rows { get; } = rows;
    public int InFeatures { get; } = inFeatures;
    public int OutFeatures { get; } = outFeatures;

    /// <summary>Row-major [OutFeatures][InFeatures].</summary>
    public double[] Weights { get; } = weights;

    public double[] Bias { get; } = bias;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => "FullyConnected";

    public override long Macs => (long)Rows * InFeatures * OutFeatures;

    public override long Parameters => Weights.Length + Bias.Length;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int r = 0; r < Rows; r++)
        for (int c = 0; c < OutFeatures; c++)
        {
            double acc = Bias[c];
            for (int d = 0; d < InFeatures; d++) acc += Weights[c * InFeatures + d] * x[r * InFeatures + d];
            output[r * OutFeatures + c] = Activation.Apply(acc);
        }
    }
}

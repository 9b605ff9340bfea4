namespace Edge.Models.Graph;

/// <summary>y[r,c] = act(Σ_d W[c,d]·x[r,d] + B[c]): Gemm, MatMul+Add, with folded affine neighbours.</summary>
public sealed class FullyConnectedOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int rows, int inFeatures, int outFeatures, double[] weights, double[] bias)
    : LinearOp(name, sourceOps, [input], output, outFeatures, weights, bias)
{
    public int Rows { get; } = rows;
    public int InFeatures { get; } = inFeatures;
    public int OutFeatures => OutChannels;

    public override string Kind => "FullyConnected";

    public override long Macs => (long)Rows * InFeatures * OutFeatures;

    public override int ChannelOf(int index) => index % OutFeatures;

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

namespace Edge.Models.Graph;

/// <summary>
/// Int8 weights of a pre-quantised model (QDQ or QOperator), kept as the model has them:
/// symmetric per output channel, [channel][weights of that channel] like <see cref="LinearOp.Weights"/>.
/// </summary>
public sealed record PinnedWeights(sbyte[] Q, float[] Scales);

/// <summary>
/// An op with weights per output channel and a bias (fully connected, convolutions): what
/// constant arithmetic after it, a fused clamp and bias correction act on alike.
/// </summary>
public abstract class LinearOp(string name, string sourceOps, IReadOnlyList<GraphTensor> inputs, GraphTensor output, int outChannels, double[] weights, double[] bias)
    : GraphOp(name, sourceOps, inputs, output)
{
    public int OutChannels { get; } = outChannels;

    /// <summary>[OutChannels][WeightsPerChannel], row-major.</summary>
    public double[] Weights { get; } = weights;

    public double[] Bias { get; } = bias;

    public int WeightsPerChannel => Weights.Length / OutChannels;

    public Activation Activation { get; set; } = Activation.None;

    /// <summary>The model's own int8 weights (pre-quantised models), used instead of quantising <see cref="Weights"/>.</summary>
    public PinnedWeights? Pinned { get; set; }

    public override long Parameters => Weights.Length + Bias.Length;

    /// <summary>The output channel of output element <paramref name="index"/>.</summary>
    public abstract int ChannelOf(int index);

    /// <summary>
    /// Folds y·a[c] + b[c] per output channel into weights and bias. Pinned weights stay exact:
    /// their scales take |a| and their signs a's sign.
    /// </summary>
    public void ScaleChannels(double[] a, double[] b)
    {
        int per = WeightsPerChannel;
        for (int c = 0; c < OutChannels; c++)
        {
            for (int k = 0; k < per; k++) Weights[c * per + k] *= a[c];
            Bias[c] = Bias[c] * a[c] + b[c];
            if (Pinned is { } pinned)
            {
                pinned.Scales[c] = (float)(pinned.Scales[c] * Math.Abs(a[c]));
                if (a[c] < 0) for (int k = 0; k < per; k++) pinned.Q[c * per + k] = (sbyte)-pinned.Q[c * per + k];
            }
        }
    }
}

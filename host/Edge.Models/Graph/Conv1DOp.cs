namespace Edge.Models.Graph;

/// <summary>1-D convolution over [C][L] (batch 1), group 1, dilation 1, zero padding.</summary>
public sealed class Conv1DOp(string name, GraphTensor input, GraphTensor output, int inChannels, int inLength, int outChannels, int outLength,
    int kernel, int stride, int padBegin, double[] weights, double[] bias)
    : LinearOp(name, "Conv", [input], output, outChannels, weights, bias)
{
    public int InChannels { get; } = inChannels;
    public int InLength { get; } = inLength;
    public int OutLength { get; } = outLength;
    public int Kernel { get; } = kernel;
    public int Stride { get; } = stride;
    public int PadBegin { get; } = padBegin;

    /// <summary>True when some window reaches into the zero padding at either end.</summary>
    public bool HasPadding => PadBegin > 0 || (OutLength - 1) * Stride - PadBegin + Kernel > InLength;

    public override string Kind => "Conv1D";

    public override long Macs => (long)OutChannels * OutLength * InChannels * Kernel;

    public override int ChannelOf(int index) => index / OutLength;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int o = 0; o < OutChannels; o++)
        for (int t = 0; t < OutLength; t++)
        {
            double acc = Bias[o];
            int start = t * Stride - PadBegin;
            for (int i = 0; i < InChannels; i++)
            for (int k = 0; k < Kernel; k++)
            {
                int at = start + k;
                if (at >= 0 && at < InLength) acc += Weights[(o * InChannels + i) * Kernel + k] * x[i * InLength + at];
            }
            output[o * OutLength + t] = Activation.Apply(acc);
        }
    }
}

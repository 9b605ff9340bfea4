namespace Edge.Models.Graph;

/// <summary>Geometry of a 2-D window along one axis (a 1-D op is height 1): input and output length, kernel, stride, dilation, padding before.</summary>
public readonly record struct WindowAxis(int In, int Out, int Kernel, int Stride, int Dilation, int PadBegin)
{
    /// <summary>The input index of tap k of output position t (may lie in the padding).</summary>
    public int At(int t, int k) => t * Stride - PadBegin + k * Dilation;

    public bool HasPadding => PadBegin > 0 || At(Out - 1, Kernel - 1) >= In;
}

/// <summary>2-D convolution over [C][H][W] (batch 1) with groups, dilation, stride and zero padding; a 1-D one is H = 1.</summary>
public sealed class Conv2DOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int inChannels, int outChannels, int groups,
    WindowAxis height, WindowAxis width, double[] weights, double[] bias)
    : LinearOp(name, sourceOps, [input], output, outChannels, weights, bias)
{
    public int InChannels { get; } = inChannels;
    public int Groups { get; } = groups;
    public WindowAxis Height { get; } = height;
    public WindowAxis Width { get; } = width;

    public bool HasPadding => Height.HasPadding || Width.HasPadding;

    public override string Kind => Groups > 1 && Groups == InChannels ? "DepthwiseConv2D" : "Conv2D";

    public override long Macs => (long)OutChannels * Height.Out * Width.Out * (InChannels / Groups) * Height.Kernel * Width.Kernel;

    public override int ChannelOf(int index) => index / (Height.Out * Width.Out);

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        int groupIn = InChannels / Groups, groupOut = OutChannels / Groups;
        int at = 0;
        for (int o = 0; o < OutChannels; o++)
        for (int oy = 0; oy < Height.Out; oy++)
        for (int ox = 0; ox < Width.Out; ox++)
        {
            double acc = Bias[o];
            for (int i = 0; i < groupIn; i++)
            {
                int channel = o / groupOut * groupIn + i;
                for (int ky = 0; ky < Height.Kernel; ky++)
                {
                    int iy = Height.At(oy, ky);
                    if (iy < 0 || iy >= Height.In) continue;
                    for (int kx = 0; kx < Width.Kernel; kx++)
                    {
                        int ix = Width.At(ox, kx);
                        if (ix < 0 || ix >= Width.In) continue;
                        acc += Weights[((o * groupIn + i) * Height.Kernel + ky) * Width.Kernel + kx] * x[(channel * Height.In + iy) * Width.In + ix];
                    }
                }
            }
            output[at++] = Activation.Apply(acc);
        }
    }
}

namespace Edge.Models.Graph;

/// <summary>2-D max or average pooling over [C][H][W] (a 1-D one is H = 1; global pooling is the whole plane).</summary>
public sealed class Pool2DOp(string name, string sourceOps, GraphTensor input, GraphTensor output, bool isMax, int channels, WindowAxis height, WindowAxis width, bool countIncludePad)
    : GraphOp(name, sourceOps, [input], output)
{
    public bool IsMax { get; } = isMax;
    public int Channels { get; } = channels;
    public WindowAxis Height { get; } = height;
    public WindowAxis Width { get; } = width;
    public bool CountIncludePad { get; } = countIncludePad;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => IsMax ? "MaxPool2D" : "AveragePool2D";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        int at = 0;
        for (int c = 0; c < Channels; c++)
        for (int oy = 0; oy < Height.Out; oy++)
        for (int ox = 0; ox < Width.Out; ox++)
        {
            double acc = IsMax ? double.NegativeInfinity : 0;
            int count = 0;
            for (int ky = 0; ky < Height.Kernel; ky++)
            {
                int iy = Height.At(oy, ky);
                if (iy < 0 || iy >= Height.In) continue;
                for (int kx = 0; kx < Width.Kernel; kx++)
                {
                    int ix = Width.At(ox, kx);
                    if (ix < 0 || ix >= Width.In) continue;
                    double v = x[(c * Height.In + iy) * Width.In + ix];
                    acc = IsMax ? Math.Max(acc, v) : acc + v;
                    count++;
                }
            }
            if (!IsMax) acc /= CountIncludePad ? Height.Kernel * Width.Kernel : count;
            output[at++] = Activation.Apply(acc);
        }
    }
}

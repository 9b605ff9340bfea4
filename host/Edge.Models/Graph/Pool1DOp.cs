namespace Edge.Models.Graph;

/// <summary>1-D max or average pooling over [C][L] (global pooling is Kernel = L).</summary>
public sealed class Pool1DOp(string name, string sourceOps, GraphTensor input, GraphTensor output, bool isMax, int channels, int inLength, int outLength,
    int kernel, int stride, int padBegin, bool countIncludePad)
    : GraphOp(name, sourceOps, [input], output)
{
    public bool IsMax { get; } = isMax;
    public int Channels { get; } = channels;
    public int InLength { get; } = inLength;
    public int OutLength { get; } = outLength;
    public int Kernel { get; } = kernel;
    public int Stride { get; } = stride;
    public int PadBegin { get; } = padBegin;
    public bool CountIncludePad { get; } = countIncludePad;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => IsMax ? "MaxPool1D" : "AveragePool1D";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int c = 0; c < Channels; c++)
        for (int t = 0; t < OutLength; t++)
        {
            int start = t * Stride - PadBegin;
            int from = Math.Max(start, 0), to = Math.Min(start + Kernel, InLength);
            double acc = IsMax ? double.NegativeInfinity : 0;
            for (int i = from; i < to; i++) acc = IsMax ? Math.Max(acc, x[c * InLength + i]) : acc + x[c * InLength + i];
            if (!IsMax) acc /= CountIncludePad ? Kernel : to - from;
            output[c * OutLength + t] = Activation.Apply(acc);
        }
    }
}

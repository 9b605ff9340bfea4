namespace Edge.Models.Graph;

public enum PadMode
{
    Constant,
    Reflect,
    Edge,
}

/// <summary>ONNX Pad over the non-batch axes, shapes given as four dimensions with leading 1s (<see cref="Shape4"/>).</summary>
public sealed class PadOp(string name, GraphTensor input, GraphTensor output, PadMode mode, int[] inDims, int[] begins, int[] outDims, double value)
    : GraphOp(name, "Pad", [input], output)
{
    public PadMode Mode { get; } = mode;
    public int[] InDims { get; } = inDims;
    public int[] Begins { get; } = begins;
    public int[] OutDims { get; } = outDims;
    public double Value { get; } = value;

    public override string Kind => "Pad";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        int at = 0;
        for (int a = 0; a < OutDims[0]; a++)
        for (int b = 0; b < OutDims[1]; b++)
        for (int c = 0; c < OutDims[2]; c++)
        for (int d = 0; d < OutDims[3]; d++)
        {
            int i0 = Source(a, 0), i1 = Source(b, 1), i2 = Source(c, 2), i3 = Source(d, 3);
            output[at++] = i0 < 0 || i1 < 0 || i2 < 0 || i3 < 0 ? (float)Value : x[((i0 * InDims[1] + i1) * InDims[2] + i2) * InDims[3] + i3];
        }
    }

    private int Source(int o, int axis)
    {
        int t = o - Begins[axis], n = InDims[axis];
        if (t >= 0 && t < n) return t;
        return Mode switch
        {
            PadMode.Constant => -1,
            PadMode.Edge => t < 0 ? 0 : n - 1,
            _ => t < 0 ? -t : 2 * (n - 1) - t,
        };
    }
}

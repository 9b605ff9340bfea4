namespace Edge.Models.Graph;

/// <summary>PRelu with one slope per channel, the input seen as [outer][channels][inner]: x ≥ 0 ? x : slope[c]·x.</summary>
public sealed class PReluOp(string name, GraphTensor input, GraphTensor output, int outer, int channels, int inner, double[] slopes)
    : GraphOp(name, "PRelu", [input], output)
{
    public int Outer { get; } = outer;
    public int Channels { get; } = channels;
    public int Inner { get; } = inner;
    public double[] Slopes { get; } = slopes;

    public override string Kind => "PRelu";

    public override long Parameters => Slopes.Length;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        for (int i = 0; i < x.Length; i++)
        {
            int c = i / Inner % Channels;
            output[i] = x[i] >= 0 ? x[i] : (float)(Slopes[c] * x[i]);
        }
    }
}

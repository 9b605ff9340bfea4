namespace Edge.Models.Graph;

/// <summary>A ReLU / ReLU6 / Clip that could not be fused into the op before it.</summary>
public sealed class ClampOp(string name, string sourceOps, GraphTensor input, GraphTensor output, Activation activation)
    : GraphOp(name, sourceOps, [input], output)
{
    public Activation Activation { get; set; } = activation;

    public override string Kind => "Clamp";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = Activation.Apply(inputs[0][i]);
    }
}

namespace Edge.Models.Graph;

/// <summary>Flatten, Reshape, Squeeze, Unsqueeze: same values, new shape.</summary>
public sealed class ReshapeOp(string name, string sourceOps, GraphTensor input, GraphTensor output)
    : GraphOp(name, sourceOps, [input], output)
{
    public override string Kind => "Reshape";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output) => Array.Copy(inputs[0], output, output.Length);
}

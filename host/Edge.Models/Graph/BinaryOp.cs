namespace Edge.Models.Graph;

/// <summary>Element-wise Add or Mul of two activations of the same shape.</summary>
public sealed class BinaryOp(string name, string sourceOps, GraphTensor left, GraphTensor right, GraphTensor output, bool isAdd)
    : GraphOp(name, sourceOps, [left, right], output)
{
    public bool IsAdd { get; } = isAdd;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => IsAdd ? "Add" : "Mul";

    public override long Macs => IsAdd ? 0 : Output.ElementCount;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        for (int i = 0; i < output.Length; i++)
            output[i] = Activation.Apply(IsAdd ? (double)inputs[0][i] + inputs[1][i] : (double)inputs[0][i] * inputs[1][i]);
    }
}

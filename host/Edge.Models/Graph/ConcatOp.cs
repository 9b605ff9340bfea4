namespace Edge.Models.Graph;

/// <summary>Concat along one axis: the tensors seen as [outer][inner_k]; each input's block lands at its offset in every outer row.</summary>
public sealed class ConcatOp(string name, IReadOnlyList<GraphTensor> inputs, GraphTensor output, int outer, int[] inners)
    : GraphOp(name, "Concat", inputs, output)
{
    public int Outer { get; } = outer;

    /// <summary>Elements of each input per outer row.</summary>
    public int[] Inners { get; } = inners;

    public override string Kind => "Concat";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        int total = Inners.Sum();
        int offset = 0;
        for (int k = 0; k < inputs.Count; k++)
        {
            for (int o = 0; o < Outer; o++) Array.Copy(inputs[k], o * Inners[k], output, o * total + offset, Inners[k]);
            offset += Inners[k];
        }
    }
}

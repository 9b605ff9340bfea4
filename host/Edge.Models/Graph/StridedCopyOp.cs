namespace Edge.Models.Graph;

/// <summary>
/// Values moved along strides into a contiguous output, for Transpose, Slice, Split and Gather
/// with constant indices: out[i0,i1,i2,i3] = in[Start + Σ i_k·Strides[k]] over <see cref="Counts"/>
/// (four loop counters, leading ones 1).
/// </summary>
public sealed class StridedCopyOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int[] counts, int start, int[] strides)
    : GraphOp(name, sourceOps, [input], output)
{
    public int[] Counts { get; } = counts;
    public int Start { get; } = start;
    public int[] Strides { get; } = strides;

    public override string Kind => "StridedCopy";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var x = inputs[0];
        int at = 0;
        for (int a = 0; a < Counts[0]; a++)
        for (int b = 0; b < Counts[1]; b++)
        for (int c = 0; c < Counts[2]; c++)
        for (int d = 0; d < Counts[3]; d++)
            output[at++] = x[Start + a * Strides[0] + b * Strides[1] + c * Strides[2] + d * Strides[3]];
    }

    /// <summary>A copy that permutes the axes of <paramref name="input"/>: output axis k is input axis perm[k].</summary>
    public static StridedCopyOp Transpose(string name, string sourceOps, GraphTensor input, GraphTensor output, int[] perm)
    {
        var strides = Shape4Strides(input.Shape, perm, out var counts);
        return new StridedCopyOp(name, sourceOps, input, output, counts, 0, strides);
    }

    /// <summary>Drops size-1 axes of the permuted view, keeps at most four.</summary>
    private static int[] Shape4Strides(int[] shape, int[] perm, out int[] counts)
    {
        var inStrides = Shape4.Strides(shape);
        var pairs = perm.Select(p => (Count: shape[p], Stride: inStrides[p])).Where(p => p.Count > 1).ToList();
        if (pairs.Count > Shape4.Rank) throw new ArgumentException($"a transpose of [{string.Join(",", shape)}] moves more than {Shape4.Rank} axes larger than 1");
        while (pairs.Count < Shape4.Rank) pairs.Insert(0, (1, 0));
        counts = pairs.Select(p => p.Count).ToArray();
        return pairs.Select(p => p.Stride).ToArray();
    }
}

namespace Edge.Models.Graph;

/// <summary>MatMul of two activations: A [batches][rows][depth] by B [batches][depth][columns].</summary>
public sealed class MatMulOp(string name, GraphTensor a, GraphTensor b, GraphTensor output, int batches, int rows, int depth, int columns)
    : GraphOp(name, "MatMul", [a, b], output)
{
    public int Batches { get; } = batches;
    public int Rows { get; } = rows;
    public int Depth { get; } = depth;
    public int Columns { get; } = columns;

    public Activation Activation { get; set; } = Activation.None;

    public override string Kind => "MatMul";

    public override long Macs => (long)Batches * Rows * Depth * Columns;

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var a = inputs[0];
        var b = inputs[1];
        int at = 0;
        for (int n = 0; n < Batches; n++)
        for (int r = 0; r < Rows; r++)
        for (int c = 0; c < Columns; c++)
        {
            double acc = 0;
            for (int d = 0; d < Depth; d++) acc += (double)a[(n * Rows + r) * Depth + d] * b[(n * Depth + d) * Columns + c];
            output[at++] = Activation.Apply(acc);
        }
    }
}

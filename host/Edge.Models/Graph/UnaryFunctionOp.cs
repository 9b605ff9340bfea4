namespace Edge.Models.Graph;

/// <summary>
/// An element-wise function (Sigmoid, Tanh, Exp, Pow with a constant) that the device computes by
/// a 256-entry table. <see cref="FixedOutputRange"/> pins the output quantisation where the
/// function's range is known (sigmoid: TFLM's 1/256 with zero point -128).
/// </summary>
public sealed class UnaryFunctionOp(string name, string sourceOps, GraphTensor input, GraphTensor output, string function, Func<double, double> apply, (double Min, double Max)? fixedOutputRange)
    : GraphOp(name, sourceOps, [input], output)
{
    public string Function { get; } = function;

    public Func<double, double> Apply { get; } = apply;

    public (double Min, double Max)? FixedOutputRange { get; } = fixedOutputRange;

    public override string Kind => "LookupTable";

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        for (int i = 0; i < output.Length; i++) output[i] = (float)Apply(inputs[0][i]);
    }
}

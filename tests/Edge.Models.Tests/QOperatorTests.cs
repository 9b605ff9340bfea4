using Edge.Models.Onnx.Proto;
using Edge.Models.Tests.Support;
using static Edge.Models.Tests.Support.OnnxModelBuilder;

namespace Edge.Models.Tests;

/// <summary>
/// QOperator models (QLinearConv, QLinearMatMul between QuantizeLinear and DequantizeLinear, the
/// layout ONNX Runtime's quantiser writes with QuantFormat.QOperator) keep their own integer
/// weights, scales and zero points: the int8 engine stays within one output quantisation step of
/// ONNX Runtime running the same quantised graph with its integer kernels, on every value.
/// </summary>
[TestClass]
public sealed class QOperatorTests
{
    private const Tensor.Types.ElementType Int8 = Tensor.Types.ElementType.Int8;
    private const Tensor.Types.ElementType Uint8 = Tensor.Types.ElementType.Uint8;
    private const Tensor.Types.ElementType Int32 = Tensor.Types.ElementType.Int32;

    private static int[] RandomInts(Random random, int count, int lo, int hi) => Enumerable.Range(0, count).Select(_ => random.Next(lo, hi + 1)).ToArray();

    /// <summary>Every value within <paramref name="step"/> (one output step) of ONNX Runtime, on outputs that use many steps of their grid.</summary>
    private static void WithinOneStep(OnnxModelBuilder builder, string file, int width, float step)
    {
        var graph = GraphCheck.Import(builder, file, out var path);
        var rows = GraphCheck.Rows(300, width, 31, 1);
        var reference = GraphCheck.Ort(path, graph, rows);
        var int8 = GraphCheck.Int8(graph, rows);
        double worst = 0;
        int differing = 0;
        for (int r = 0; r < rows.Length; r++)
            for (int i = 0; i < reference[r].Length; i++)
            {
                double steps = Math.Abs(reference[r][i] - int8[r][i]) / step;
                if (steps > 1e-3) differing++;
                worst = Math.Max(worst, steps);
                Assert.IsLessThanOrEqualTo(1.0 + 1e-3, steps, $"{file} row {r} value {i}: ONNX Runtime {reference[r][i]}, edge {int8[r][i]} ({steps:F3} steps)");
            }
        Console.WriteLine($"{file}: {differing} of {rows.Length * reference[0].Length} values differ from ONNX Runtime, by at most {worst:F3} output steps");
        // Not a degenerate model: ONNX Runtime's outputs spread over many steps of the output grid.
        Assert.IsGreaterThan(20, reference.SelectMany(v => v).Distinct().Count());
    }

    [TestMethod]
    public void QLinearConvWithPerChannelWeightsStaysWithinOneStepOfOnnxRuntime()
    {
        var random = new Random(17);
        const float xScale = 0.01f, yScale = 0.04f;
        var wScales = new[] { 0.004f, 0.007f, 0.0025f, 0.005f };
        var b = new OnnxModelBuilder(opset: 13).Input("x", 1, 16).Output("y", 4, 16)
            .Initializer("x_scale", [], [xScale]).IntegerInitializer("x_zero", Uint8, [], [128])
            .IntegerInitializer("w", Int8, [4, 1, 3], RandomInts(random, 12, -127, 127))
            .Initializer("w_scale", [4], wScales).IntegerInitializer("w_zero", Int8, [4], [0, 0, 0, 0])
            .Initializer("y_scale", [], [yScale]).IntegerInitializer("y_zero", Uint8, [], [110])
            .IntegerInitializer("bias", Int32, [4], RandomInts(random, 4, -12000, 12000))
            .Node("QuantizeLinear", ["x", "x_scale", "x_zero"], ["xq"], "/quantize")
            .Node("QLinearConv", ["xq", "x_scale", "x_zero", "w", "w_scale", "w_zero", "y_scale", "y_zero", "bias"], ["yq"], "/conv", null, Ints("pads", 1, 1), Ints("kernel_shape", 3))
            .Node("DequantizeLinear", ["yq", "y_scale", "y_zero"], ["y"], "/dequantize");
        WithinOneStep(b, "qlinear-conv.onnx", 16, yScale);
    }

    [TestMethod]
    public void QLinearMatMulStaysWithinOneStepOfOnnxRuntime()
    {
        var random = new Random(23);
        const float xScale = 0.008f, bScale = 0.006f, yScale = 0.05f;
        var b = new OnnxModelBuilder(opset: 13).Input("x", 16).Output("y", 8)
            .Initializer("x_scale", [], [xScale]).IntegerInitializer("x_zero", Uint8, [], [128])
            .IntegerInitializer("b", Int8, [16, 8], RandomInts(random, 128, -127, 127))
            .Initializer("b_scale", [], [bScale]).IntegerInitializer("b_zero", Int8, [], [5])
            .Initializer("y_scale", [], [yScale]).IntegerInitializer("y_zero", Uint8, [], [128])
            .Node("QuantizeLinear", ["x", "x_scale", "x_zero"], ["xq"], "/quantize")
            .Node("QLinearMatMul", ["xq", "x_scale", "x_zero", "b", "b_scale", "b_zero", "y_scale", "y_zero"], ["yq"], "/matmul")
            .Node("DequantizeLinear", ["yq", "y_scale", "y_zero"], ["y"], "/dequantize");
        WithinOneStep(b, "qlinear-matmul.onnx", 16, yScale);
    }
}

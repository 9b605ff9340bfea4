using Edge.Models.Graph;
using Edge.Models.Import;
using Edge.Models.Tests.Support;
using static Edge.Models.Tests.Support.OnnxModelBuilder;

namespace Edge.Models.Tests;

/// <summary>
/// Resize (nearest, whole-number factors) on small models written with the ONNX schema: the float
/// graph equals ONNX Runtime exactly (nearest moves values, it computes none), and the int8 engine
/// adds nothing to the input's rounding; factors edge cannot copy are refused naming the node.
/// </summary>
[TestClass]
public sealed class ResizeTests
{
    private static ModelGraph Check(OnnxModelBuilder b, string file, int width, int copies)
    {
        var graph = GraphCheck.Import(b, file, out var path);
        Assert.AreEqual(copies, graph.Ops.Count(o => o is StridedCopyOp), string.Join(", ", graph.Ops.Select(o => o.Kind)));
        var rows = GraphCheck.Rows(100, width, 21, 2);
        GraphCheck.FloatMatchesOrt(graph, path, rows, tolerance: 0);
        var agreement = GraphCheck.Int8AgainstOrt(graph, path, rows);
        // A copy adds no error of its own: what remains is the input's int8 rounding.
        Assert.IsGreaterThanOrEqualTo(0.9995, agreement.Cosine, $"{file}: cosine {agreement.Cosine:F5}, max |error| {agreement.MaxAbsError:G4}");
        return graph;
    }

    [TestMethod]
    [DataRow("half_pixel", "round_prefer_floor")]   // ONNX's defaults (torch's nn.Upsample(mode='nearest') exports asymmetric + floor)
    [DataRow("asymmetric", "floor")]
    [DataRow("pytorch_half_pixel", "round_prefer_ceil")]
    public void Upsample1DByAWholeFactor(string transform, string rounding)
    {
        var b = new OnnxModelBuilder(opset: 13).Input("x", 2, 8).Output("y", 2, 24)
            .Initializer("scales", [3], [1, 1, 3])
            .Node("Resize", ["x", "", "scales"], ["y"], "/Resize", null, String("mode", "nearest"), String("coordinate_transformation_mode", transform), String("nearest_mode", rounding));
        Check(b, $"resize-1d-{transform}.onnx", 16, 1);
    }

    [TestMethod]
    public void Upsample2DIsOneCopyPerAxis()
    {
        // Scales, not sizes: sizes would fix the batch at 1, and ONNX Runtime runs the rows as one batch.
        var b = new OnnxModelBuilder(opset: 13).Input("x", 3, 4, 5).Output("y", 3, 8, 15)
            .Initializer("scales", [4], [1, 1, 2, 3])
            .Node("Resize", ["x", "", "scales"], ["y"], "/Resize", null, String("mode", "nearest"), String("coordinate_transformation_mode", "asymmetric"), String("nearest_mode", "floor"));
        Check(b, "resize-2d.onnx", 60, 2);
    }

    [TestMethod]
    public void DownsampleByAWholeFactorIsAStridedPick()
    {
        var b = new OnnxModelBuilder(opset: 13).Input("x", 2, 16).Output("y", 2, 4)
            .Initializer("scales", [3], [1, 1, 0.25f])
            .Node("Resize", ["x", "", "scales"], ["y"], "/Resize", null, String("mode", "nearest"));
        Check(b, "resize-down.onnx", 32, 1);
    }

    /// <summary>A Conv after the upsample: the resized tensor feeds a real kernel, checked end to end.</summary>
    [TestMethod]
    public void UpsampleThenConvMatchesOnnxRuntime()
    {
        var random = new Random(5);
        var b = new OnnxModelBuilder(opset: 13).Input("x", 1, 16).Output("y", 4, 32)
            .Initializer("scales", [3], [1, 1, 2]).Random("w", random, 0.5, 4, 1, 3).Random("bias", random, 0.1, 4)
            .Node("Resize", ["x", "", "scales"], ["u"], "/Resize", null, String("mode", "nearest"))
            .Node("Conv", ["u", "w", "bias"], ["y"], "/Conv", null, Ints("pads", 1, 1), Ints("kernel_shape", 3));
        var graph = GraphCheck.Import(b, "resize-conv.onnx", out var path);
        var rows = GraphCheck.Rows(100, 16, 22, 2);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        Assert.IsGreaterThanOrEqualTo(0.999, GraphCheck.Int8AgainstOrt(graph, path, rows).Cosine);
    }

    [TestMethod]
    public void LinearModeAndFractionalFactorsAreRefusedNamingTheNode()
    {
        var linear = new OnnxModelBuilder(opset: 13).Input("x", 2, 8).Output("y", 2, 16).Initializer("scales", [3], [1, 1, 2])
            .Node("Resize", ["x", "", "scales"], ["y"], "/up", null, String("mode", "linear"));
        var e = Assert.ThrowsExactly<ModelImportException>(() => GraphCheck.Import(linear, "resize-linear.onnx", out _));
        StringAssert.Contains(e.Message, "Resize '/up'");
        StringAssert.Contains(e.Message, "mode 'linear'");

        var fractional = new OnnxModelBuilder(opset: 13).Input("x", 2, 8).Output("y", 2, 12).Initializer("scales", [3], [1, 1, 1.5f])
            .Node("Resize", ["x", "", "scales"], ["y"], "/up", null, String("mode", "nearest"));
        e = Assert.ThrowsExactly<ModelImportException>(() => GraphCheck.Import(fractional, "resize-fraction.onnx", out _));
        StringAssert.Contains(e.Message, "whole-number");
    }
}

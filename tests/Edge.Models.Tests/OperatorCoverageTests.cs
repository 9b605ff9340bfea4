using Edge.Models.Graph;
using Edge.Models.Tests.Support;
using static Edge.Models.Tests.Support.OnnxModelBuilder;

namespace Edge.Models.Tests;

/// <summary>
/// Issue 13's operators one at a time on small models written with the ONNX schema: the importer
/// lowers each to the expected op, the float graph computes what ONNX Runtime computes on the
/// original node, and the int8 device engine stays close to ONNX Runtime (cosine over all rows).
/// </summary>
[TestClass]
public sealed class OperatorCoverageTests
{
    /// <summary>Imports, checks the op kinds, the float graph and the int8 engine against ONNX Runtime on 200 random rows.</summary>
    private static ModelGraph Check(OnnxModelBuilder b, string file, int width, int seed, string kind, double minCosine = 0.995, double scale = 2)
    {
        var graph = GraphCheck.Import(b, file, out var path);
        var kinds = graph.Ops.Select(o => o.Kind).ToList();
        CollectionAssert.Contains(kinds, kind, string.Join(", ", kinds));
        var rows = GraphCheck.Rows(200, width, seed, scale);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        var agreement = GraphCheck.Int8AgainstOrt(graph, path, rows);
        Assert.IsGreaterThanOrEqualTo(minCosine, agreement.Cosine, $"{file}: cosine {agreement.Cosine:F5}, max |error| {agreement.MaxAbsError:G4}");
        return graph;
    }

    [TestMethod]
    [DataRow("constant")]
    [DataRow("reflect")]
    [DataRow("edge")]
    public void PadModes(string mode)
    {
        var b = new OnnxModelBuilder().Input("x", 4, 16).Output("y", 4, 21)
            .Int64Initializer("pads", [6], [0, 0, 2, 0, 0, 3]).Initializer("value", [], [0.5f])
            .Node("Pad", mode == "constant" ? ["x", "pads", "value"] : ["x", "pads"], ["y"], "/Pad", null, String("mode", mode));
        Check(b, $"pad-{mode}.onnx", 64, 11, "Pad");
    }

    [TestMethod]
    public void DepthwiseDilatedConv1D()
    {
        var random = new Random(12);
        var b = new OnnxModelBuilder().Input("x", 4, 32).Output("y", 4, 32).Random("w", random, 1, 4, 1, 3).Random("bias", random, 0.2, 4)
            .Node("Conv", ["x", "w", "bias"], ["y"], "/Conv", null, Int("group", 4), Ints("dilations", 2), Ints("pads", 2, 2), Ints("kernel_shape", 3));
        var graph = Check(b, "depthwise-dilated.onnx", 128, 12, "DepthwiseConv2D");
        var conv = graph.Ops.OfType<Conv2DOp>().Single();
        Assert.AreEqual(2, conv.Width.Dilation);
    }

    [TestMethod]
    public void Conv2DBatchNormPools()
    {
        var random = new Random(13);
        var b = new OnnxModelBuilder().Input("x", 1, 8, 8).Output("y", 3, 4, 4).Random("w", random, 0.5, 3, 1, 3, 3).Random("bias", random, 0.2, 3)
            .Initializer("gamma", [3], [1.5f, 0.5f, 1f]).Initializer("beta", [3], [0.1f, -0.2f, 0.3f])
            .Initializer("mean", [3], [0.05f, -0.1f, 0.2f]).Initializer("var", [3], [0.8f, 1.2f, 0.5f])
            .Node("Conv", ["x", "w", "bias"], ["c"], "/Conv", null, Ints("pads", 1, 1, 1, 1), Ints("kernel_shape", 3, 3))
            .Node("Relu", ["c"], ["r"], "/Relu")
            .Node("MaxPool", ["r"], ["m"], "/MaxPool", null, Ints("kernel_shape", 2, 2), Ints("strides", 2, 2))
            .Node("BatchNormalization", ["m", "gamma", "beta", "mean", "var"], ["n"], "/BN")
            .Node("AveragePool", ["n"], ["y"], "/AvgPool", null, Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1), Int("count_include_pad", 0));
        var graph = Check(b, "conv2d-bn-pools.onnx", 64, 13, "Conv2D");
        CollectionAssert.IsSubsetOf(new[] { "MaxPool2D", "AveragePool2D" }, graph.Ops.Select(o => o.Kind).ToList());
    }

    [TestMethod]
    public void TransposeMovesAxes()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 8, 4).Node("Transpose", ["x"], ["y"], "/T", null, Ints("perm", 0, 2, 1));
        Check(b, "transpose.onnx", 32, 14, "StridedCopy");
    }

    [TestMethod]
    public void SliceWithNegativeStepAndGatherOnConstantIndices()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 2, 5)
            .Int64Initializer("starts", [1], [-2]).Int64Initializer("ends", [1], [-8]).Int64Initializer("axes", [1], [2]).Int64Initializer("steps", [1], [-1])
            .Int64Initializer("indices", [2], [3, 1])
            .Node("Slice", ["x", "starts", "ends", "axes", "steps"], ["s"], "/Slice")
            .Node("Gather", ["s", "indices"], ["y"], "/Gather", null, Int("axis", 1));
        var graph = Check(b, "slice-gather.onnx", 32, 15, "StridedCopy");
        Assert.AreEqual(0, graph.Ops.Count(o => o.Kind != "StridedCopy"));
    }

    /// <summary>Split, then Concat of pieces with different quantisations (a sigmoid of one): the copies requantise.</summary>
    [TestMethod]
    public void SplitAndConcatAcrossQuantisations()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4, 8)
            .Int64Initializer("split", [2], [3, 5])
            .Node("Split", ["x", "split"], ["a", "c"], "/Split", null, Int("axis", 2))
            .Node("Sigmoid", ["a"], ["sa"], "/Sigmoid")
            .Node("Concat", ["c", "sa"], ["y"], "/Concat", null, Int("axis", 2));
        Check(b, "split-concat.onnx", 32, 16, "Concat");
    }

    [TestMethod]
    [DataRow("ReduceMean")]
    [DataRow("ReduceMax")]
    [DataRow("ReduceSum")]
    public void Reductions(string op)
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4);
        if (op == "ReduceSum") b.Int64Initializer("axes", [1], [2]).Node(op, ["x", "axes"], ["y"], "/Reduce", null, Int("keepdims", 0));
        else b.Node(op, ["x"], ["y"], "/Reduce", null, Ints("axes", 2), Int("keepdims", 0));
        Check(b, $"{op}.onnx", 32, 17, "Reduce" + op["Reduce".Length..]);
    }

    [TestMethod]
    public void PReluHasASlopePerChannel()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4, 8)
            .Initializer("slope", [4, 1], [0.25f, -0.5f, 0.05f, 1.5f])
            .Node("PRelu", ["x", "slope"], ["y"], "/PRelu");
        Check(b, "prelu.onnx", 32, 18, "PRelu");
    }

    [TestMethod]
    [DataRow("LeakyRelu")]
    [DataRow("HardSigmoid")]
    [DataRow("HardSwish")]
    [DataRow("Elu")]
    public void Activations(string op)
    {
        var b = new OnnxModelBuilder(opset: 14).Input("x", 16).Output("y", 16);
        if (op == "LeakyRelu") b.Node(op, ["x"], ["y"], "/Act", null, Float("alpha", 0.1f));
        else b.Node(op, ["x"], ["y"], "/Act");
        var graph = GraphCheck.Import(b, $"{op}.onnx", out var path);
        var rows = GraphCheck.Rows(200, 16, 19, 4);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        var agreement = GraphCheck.Int8AgainstOrt(graph, path, rows);
        Assert.IsGreaterThanOrEqualTo(0.995, agreement.Cosine, $"{op}: cosine {agreement.Cosine:F5}, ops {string.Join(",", graph.Ops.Select(o => o.Kind))}");
    }

    [TestMethod]
    public void SoftmaxOverAnInnerAxis()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4, 8).Node("Softmax", ["x"], ["y"], "/Softmax", null, Int("axis", 1));
        Check(b, "softmax-axis1.onnx", 32, 20, "Softmax", 0.99);
    }

    /// <summary>ArgMax's int64 index against ONNX Runtime's: equal on every row where the two largest values differ by more than two input steps.</summary>
    [TestMethod]
    public void ArgMaxIndicesMatch()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).TypedOutput("y", 7, 8)
            .Node("ArgMax", ["x"], ["y"], "/ArgMax", null, Int("axis", 1), Int("keepdims", 0));
        var graph = GraphCheck.Import(b, "argmax.onnx", out var path);
        Assert.AreEqual("ArgMax", graph.Ops.Single().Kind);
        var rows = GraphCheck.Rows(200, 32, 21, 2);
        var expected = GraphCheck.Ort(path, graph, rows);
        var actual = GraphCheck.Int8(graph, rows);
        float step = 4f / 255;   // the input's int8 step over its range of about [-2, 2]
        int compared = 0;
        for (int r = 0; r < rows.Length; r++)
        for (int column = 0; column < 8; column++)
        {
            var candidates = Enumerable.Range(0, 4).Select(k => rows[r][k * 8 + column]).OrderDescending().ToArray();
            if (candidates[0] - candidates[1] < 2 * step) continue;
            compared++;
            Assert.AreEqual(expected[r][column], actual[r][column], $"row {r} column {column}");
        }
        Assert.IsGreaterThan(1400, compared);
    }

    [TestMethod]
    public void MatMulOfTwoActivations()
    {
        var b = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4, 4)
            .Node("Transpose", ["x"], ["t"], "/T", null, Ints("perm", 0, 2, 1))
            .Node("MatMul", ["x", "t"], ["y"], "/MatMul");
        Check(b, "matmul-activations.onnx", 32, 22, "MatMul", 0.99);
    }
}

using Edge.Models.Graph;
using Edge.Models.Import;
using Edge.Models.Tests.Support;
using static Edge.Models.Tests.Support.OnnxModelBuilder;

namespace Edge.Models.Tests;

/// <summary>
/// Each folding rule of the importer on a small exported-style model: the folded graph has the
/// expected ops, computes what ONNX Runtime computes on the original nodes, and quantises well.
/// </summary>
[TestClass]
public sealed class FoldingRuleTests
{
    [TestMethod]
    public void InputNormalisationFoldsIntoTheQuantiser()
    {
        var random = new Random(1);
        var b = new OnnxModelBuilder().Input("x", 8).Output("y", 4)
            .Initializer("mean", [8], Enumerable.Range(0, 8).Select(i => i * 0.5f))
            .Initializer("std", [8], Enumerable.Range(0, 8).Select(i => 0.01f + i))
            .Random("w", random, 1, 4, 8).Random("bias", random, 1, 4)
            .Node("Sub", ["x", "mean"], ["centred"], "/Sub").Node("Div", ["centred", "std"], ["scaled"], "/Div")
            .Node("Gemm", ["scaled", "w", "bias"], ["g"], "/Gemm", null, Int("transB", 1)).Node("Relu", ["g"], ["y"], "/Relu");
        var graph = GraphCheck.Import(b, "normalise.onnx", out var path);
        Assert.HasCount(1, graph.Ops);
        Assert.AreEqual("Gemm+Relu", graph.Ops[0].SourceOps);
        Assert.IsTrue(graph.Folds.Any(f => f.Contains("Sub '/Sub'") && f.Contains("quantiser")), string.Join("; ", graph.Folds));
        var rows = GraphCheck.Rows(300, 8, 1, 5);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        Assert.IsGreaterThan(0.999, GraphCheck.Int8AgainstOrt(graph, path, rows).Cosine);
    }

    [TestMethod]
    public void MatMulAndAddBecomeOneFullyConnected()
    {
        var random = new Random(2);
        var b = new OnnxModelBuilder().Input("x", 6).Output("y", 3).Random("w", random, 1, 6, 3).Random("bias", random, 1, 3)
            .Node("MatMul", ["x", "w"], ["m"], "/MatMul").Node("Add", ["m", "bias"], ["y"], "/Add");
        var graph = GraphCheck.Import(b, "matmul.onnx", out var path);
        Assert.HasCount(1, graph.Ops);
        Assert.AreEqual("MatMul+Add", graph.Ops[0].SourceOps);
        GraphCheck.FloatMatchesOrt(graph, path, GraphCheck.Rows(100, 6, 2));
    }

    [TestMethod]
    public void GemmHonoursAlphaBetaAndTransposition()
    {
        var random = new Random(3);
        var b = new OnnxModelBuilder().Input("x", 5).Output("y", 4).Random("w", random, 1, 5, 4).Random("c", random, 1, 4)
            .Node("Gemm", ["x", "w", "c"], ["y"], "/Gemm", null, Float("alpha", 0.5f), Float("beta", 2f), Int("transB", 0));
        var graph = GraphCheck.Import(b, "gemm.onnx", out var path);
        GraphCheck.FloatMatchesOrt(graph, path, GraphCheck.Rows(100, 5, 3));
    }

    [TestMethod]
    public void ConstantScaleAndShiftAfterGemmFoldIntoIt()
    {
        var random = new Random(4);
        var b = new OnnxModelBuilder().Input("x", 6).Output("y", 4).Random("w", random, 1, 4, 6).Random("bias", random, 1, 4)
            .Random("scale", random, 2, 4).Random("shift", random, 1, 4)
            .Node("Gemm", ["x", "w", "bias"], ["g"], "/Gemm", null, Int("transB", 1))
            .Node("Mul", ["g", "scale"], ["s"], "/Mul").Node("Add", ["shift", "s"], ["a"], "/Add").Node("Relu", ["a"], ["y"], "/Relu");
        var graph = GraphCheck.Import(b, "scale-after.onnx", out var path);
        Assert.HasCount(1, graph.Ops);
        Assert.AreEqual("Gemm+Mul+Add+Relu", graph.Ops[0].SourceOps);
        GraphCheck.FloatMatchesOrt(graph, path, GraphCheck.Rows(100, 6, 4));
    }

    [TestMethod]
    public void ScaleAfterReluFoldsForwardIntoTheNextGemm()
    {
        var random = new Random(5);
        var b = new OnnxModelBuilder().Input("x", 6).Output("y", 2).Random("w1", random, 1, 4, 6).Random("w2", random, 1, 2, 4).Random("c", random, 1, 4)
            .Initializer("d", [1], [3f])
            .Node("Gemm", ["x", "w1"], ["g"], "/Gemm1", null, Int("transB", 1)).Node("Relu", ["g"], ["r"], "/Relu")
            .Node("Mul", ["r", "c"], ["m"], "/Mul").Node("Div", ["m", "d"], ["v"], "/Div")
            .Node("Gemm", ["v", "w2"], ["y"], "/Gemm2", null, Int("transB", 1));
        var graph = GraphCheck.Import(b, "scale-forward.onnx", out var path);
        Assert.HasCount(2, graph.Ops);
        Assert.IsTrue(graph.Folds.Any(f => f.Contains("Mul '/Mul', Div '/Div'") && f.Contains("'/Gemm2'")), string.Join("; ", graph.Folds));
        GraphCheck.FloatMatchesOrt(graph, path, GraphCheck.Rows(100, 6, 5));
    }

    [TestMethod]
    public void BatchNormalizationFoldsIntoConvAndConvNetworksQuantise()
    {
        var random = new Random(6);
        var b = new OnnxModelBuilder().Input("x", 2, 40).Output("y", 3)
            .Random("k", random, 0.5, 4, 2, 5).Random("kb", random, 0.2, 4)
            .Initializer("gamma", [4], [1.5f, 0.5f, 1f, 2f]).Initializer("beta", [4], [0.1f, -0.2f, 0.3f, 0f])
            .Initializer("mu", [4], [0.2f, -0.1f, 0f, 0.4f]).Initializer("var", [4], [0.5f, 2f, 1f, 0.25f])
            .Random("w", random, 1, 3, 4).Int64Initializer("shape", [2], [0, -1])
            .Node("Conv", ["x", "k", "kb"], ["c"], "/Conv", null, Ints("pads", 2, 2), Ints("strides", 2), Ints("kernel_shape", 5))
            .Node("BatchNormalization", ["c", "gamma", "beta", "mu", "var"], ["n"], "/BN")
            .Node("Relu", ["n"], ["r"], "/Relu")
            .Node("AveragePool", ["r"], ["p"], "/AvgPool", null, Ints("kernel_shape", 2), Ints("strides", 2))
            .Node("GlobalMaxPool", ["p"], ["gp"], "/GlobalMaxPool")
            .Node("Reshape", ["gp", "shape"], ["f"], "/Reshape")
            .Node("Gemm", ["f", "w"], ["g"], "/Gemm", null, Int("transB", 1)).Node("Softmax", ["g"], ["y"], "/Softmax");
        var graph = GraphCheck.Import(b, "conv-bn.onnx", out var path);
        CollectionAssert.AreEqual(new[] { "Conv1D", "AveragePool1D", "MaxPool1D", "Reshape", "FullyConnected", "Softmax" }, graph.Ops.Select(o => o.Kind).ToArray());
        Assert.AreEqual("Conv+BatchNormalization+Relu", graph.Ops[0].SourceOps);
        var rows = GraphCheck.Rows(300, 80, 6);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        Assert.IsGreaterThan(0.99, GraphCheck.Int8AgainstOrt(graph, path, rows).Cosine);
    }

    [TestMethod]
    public void ActivationsAddedAndMultipliedQuantiseWithTheirOwnKernels()
    {
        var random = new Random(7);
        var b = new OnnxModelBuilder().Input("x", 6).Output("y", 4).Random("w1", random, 1, 4, 6).Random("w2", random, 1, 4, 6)
            .Initializer("lo", [], [0f]).Initializer("hi", [], [6f])
            .Node("Gemm", ["x", "w1"], ["a"], "/A", null, Int("transB", 1)).Node("Gemm", ["x", "w2"], ["b"], "/B", null, Int("transB", 1))
            .Node("Tanh", ["a"], ["t"], "/Tanh").Node("Clip", ["b", "lo", "hi"], ["c"], "/Clip")
            .Node("Add", ["t", "c"], ["s"], "/Add").Node("Mul", ["s", "t"], ["y"], "/Mul");
        var graph = GraphCheck.Import(b, "add-mul.onnx", out var path);
        CollectionAssert.AreEqual(new[] { "FullyConnected", "FullyConnected", "LookupTable", "Add", "Mul" }, graph.Ops.Select(o => o.Kind).ToArray());
        var rows = GraphCheck.Rows(300, 6, 7, 2);
        GraphCheck.FloatMatchesOrt(graph, path, rows);
        Assert.IsGreaterThan(0.99, GraphCheck.Int8AgainstOrt(graph, path, rows).Cosine);
    }

    [TestMethod]
    public void TreeClassifierScoresMatchOnnxRuntime()
    {
        // Two trees over 3 features, three classes, mixed split modes, softmax post-transform.
        var b = new OnnxModelBuilder(ml: true).Input("x", 3).TypedOutput("label", 7).Output("probabilities", 3)
            .Node("TreeEnsembleClassifier", ["x"], ["label", "probabilities"], "/Trees", "ai.onnx.ml",
                Ints("nodes_treeids", 0, 0, 0, 0, 0, 1, 1, 1),
                Ints("nodes_nodeids", 0, 1, 2, 3, 4, 0, 1, 2),
                Ints("nodes_featureids", 0, 1, 0, 0, 0, 2, 0, 0),
                Strings("nodes_modes", "BRANCH_LEQ", "BRANCH_LT", "LEAF", "LEAF", "LEAF", "BRANCH_GTE", "LEAF", "LEAF"),
                Floats("nodes_values", 0.25f, -0.5f, 0, 0, 0, 0.1f, 0, 0),
                Ints("nodes_truenodeids", 1, 2, 0, 0, 0, 1, 0, 0),
                Ints("nodes_falsenodeids", 4, 3, 0, 0, 0, 2, 0, 0),
                Ints("class_treeids", 0, 0, 0, 0, 1, 1, 1),
                Ints("class_nodeids", 2, 3, 3, 4, 1, 2, 2),
                Ints("class_ids", 0, 1, 2, 2, 1, 0, 2),
                Floats("class_weights", 1f, 0.5f, 0.5f, 2f, 1.5f, 0.7f, 0.3f),
                Ints("classlabels_int64s", 0, 1, 2),
                String("post_transform", "SOFTMAX"));
        var graph = GraphCheck.Import(b, "tree-classifier.onnx", out var path);
        // The int64 label becomes an ArgMax of the probabilities, an output after them (output 0 stays the scores).
        CollectionAssert.AreEqual(new[] { "TreeEnsemble", "Softmax", "ArgMax" }, graph.Ops.Select(o => o.Kind).ToArray());
        CollectionAssert.AreEqual(new[] { "probabilities", "label" }, graph.Outputs.Select(o => o.OnnxName).ToArray());
        var rows = GraphCheck.Rows(300, 3, 8).Concat([[0.25f, -0.5f, 0.1f], [MathF.BitIncrement(0.25f), -0.5f, MathF.BitDecrement(0.1f)]]).ToArray();
        GraphCheck.FloatMatchesOrt(graph, path, rows, 1e-5);
        var agreement = GraphCheck.Int8AgainstOrt(graph, path, rows);
        Assert.IsLessThanOrEqualTo(2.0 / 256, agreement.MaxAbsError, "softmax output within two steps of 1/256");
    }
}

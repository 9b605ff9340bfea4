using Edge.Models.Import;
using Edge.Models.Tests.Support;
using static Edge.Models.Tests.Support.OnnxModelBuilder;

namespace Edge.Models.Tests;

/// <summary>An ONNX model edge cannot convert fails with a message naming the node, never with a crash or a silent skip.</summary>
[TestClass]
public sealed class ImportErrorTests
{
    private static ModelImportException Fails(OnnxModelBuilder builder, string file) =>
        Assert.ThrowsExactly<ModelImportException>(() => OnnxImporter.Import(builder.Save(file)));

    [TestMethod]
    public void UnsupportedOpIsNamedWithItsNode()
    {
        var random = new Random(1);
        var b = new OnnxModelBuilder().Input("x", 4).Output("y", 4).Random("w", random, 1, 4, 4)
            .Node("Gemm", ["x", "w"], ["g"], "/Gemm", null, Int("transB", 1)).Node("Round", ["g"], ["y"], "/net/quant/Round");
        var e = Fails(b, "round.onnx");
        StringAssert.Contains(e.Message, "node Round '/net/quant/Round'");
        StringAssert.Contains(e.Message, "not supported");
    }

    [TestMethod]
    public void UnnamedNodesAreNamedByPositionAndOutput()
    {
        var b = new OnnxModelBuilder().Input("x", 4).Output("y", 4).Node("Round", ["x"], ["y"], "");
        StringAssert.Contains(Fails(b, "unnamed.onnx").Message, "#0 (Round -> y)");
    }

    [TestMethod]
    public void UnsupportedAttributesAreNamed()
    {
        var random = new Random(2);
        var b = new OnnxModelBuilder().Input("x", 1, 20).Output("y", 2, 26).Random("k", random, 1, 2, 1, 3)
            .Node("Conv", ["x", "k"], ["y"], "/overpadded", null, Ints("pads", 4, 4));
        var message = Fails(b, "overpadded.onnx").Message;
        StringAssert.Contains(message, "node Conv '/overpadded': padding 4");
        StringAssert.Contains(message, "at most kernel - 1");
    }

    [TestMethod]
    public void ConstantOffsetBeforeAPaddedConvolutionIsRefusedByName()
    {
        var random = new Random(3);
        var b = new OnnxModelBuilder().Input("x", 1, 20).Output("y", 2, 18).Random("k1", random, 1, 2, 1, 3).Random("k2", random, 1, 2, 2, 3)
            .Initializer("offset", [2, 1], [0.5f, -0.5f])
            .Node("Conv", ["x", "k1"], ["c"], "/Conv1").Node("Relu", ["c"], ["r"], "/Relu")
            .Node("Add", ["r", "offset"], ["a"], "/Offset")
            .Node("Conv", ["a", "k2"], ["y"], "/Conv2", null, Ints("pads", 1, 1));
        var e = Fails(b, "padded.onnx");
        StringAssert.Contains(e.Message, "node Conv '/Conv2'");
        StringAssert.Contains(e.Message, "Add '/Offset'");
    }

    [TestMethod]
    public void MalformedFilesAreNotOnnxModels()
    {
        string garbage = Samples.ScratchFile("garbage.onnx");
        File.WriteAllBytes(garbage, Enumerable.Range(0, 500).Select(i => (byte)(i * 37 + 11)).ToArray());
        StringAssert.Contains(Assert.ThrowsExactly<ModelImportException>(() => OnnxImporter.Import(garbage)).Message, "not an ONNX model");
        StringAssert.Contains(Assert.ThrowsExactly<ModelImportException>(() => OnnxImporter.Import(Samples.File("train_164V.features.csv"))).Message, "not an ONNX model");
        StringAssert.Contains(Assert.ThrowsExactly<ModelImportException>(() => OnnxImporter.Import(Samples.ScratchFile("missing.onnx"))).Message, "file not found");
    }
}

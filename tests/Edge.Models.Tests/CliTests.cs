using System.Text.Json;
using Edge.Cli;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>`edge model` through the real command tree: exit codes, one-line errors, reports.</summary>
[TestClass]
public sealed class CliTests
{
    private static (int Code, string Out, string Error) Edge(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = EdgeCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [TestMethod]
    public void ConvertInspectAndVerifyWorkTogether()
    {
        string model = Samples.ScratchFile("cli-mlp.edgem");
        var convert = Edge("model", "convert", Samples.File("flux_mlp.onnx"), "--calib", Samples.File("train_164V.features.csv"), "-o", model, "--board", "nucleo-f746zg");
        Assert.AreEqual(0, convert.Code, convert.Error);
        StringAssert.Contains(convert.Out, "MACs          2,576 per inference");
        StringAssert.Contains(convert.Out, "folded: Sub '/Sub', Div '/Div' folded into the quantiser of input 'input'");
        StringAssert.Contains(convert.Out, "input         f0..f63; int8 per feature");

        var inspect = Edge("model", "inspect", model);
        Assert.AreEqual(0, inspect.Code, inspect.Error);
        StringAssert.Contains(inspect.Out, "matches the content");
        StringAssert.Contains(inspect.Out, "FullyConnected  /net/net.0/Gemm");
        StringAssert.Contains(inspect.Out, "/net/net.1/Relu_output_0");

        var verify = Edge("model", "verify", model, "--onnx", Samples.File("flux_mlp.onnx"), "--data", Samples.File("test_164V.features.csv"), "--json");
        Assert.AreEqual(0, verify.Code, verify.Error);
        using var json = JsonDocument.Parse(verify.Out);
        Assert.AreEqual(2000, json.RootElement.GetProperty("rows").GetInt32());
        Assert.IsGreaterThanOrEqualTo(0.99, json.RootElement.GetProperty("decisionAgreement").GetDouble());
        Assert.AreEqual("label", json.RootElement.GetProperty("labelColumn").GetString());
    }

    [TestMethod]
    public void UserErrorsAreOneLineWithExitCodes()
    {
        string bad = new OnnxModelBuilder().Input("x", 4).Output("y", 4).Node("Round", ["x"], ["y"], "/round").Save("cli-round.onnx");
        var unsupported = Edge("model", "convert", bad, "--calib", Samples.File("train_164V.features.csv"), "-o", Samples.ScratchFile("cli-round.edgem"), "-i", "f0..f3");
        Assert.AreEqual((int)ExitCode.InvalidInput, unsupported.Code);
        StringAssert.StartsWith(unsupported.Error, $"error: {bad}: node Round '/round': op Round is not supported");

        string corrupt = Samples.ScratchFile("cli-corrupt.edgem");
        var bytes = ConvertedFixtures.Get("flux_mlp").Result.Bytes.ToArray();
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(corrupt, bytes);
        var inspect = Edge("model", "inspect", corrupt);
        Assert.AreEqual((int)ExitCode.InvalidInput, inspect.Code);
        StringAssert.Contains(inspect.Error, "checksum mismatch");
        Assert.AreEqual(1, inspect.Error.Trim().Split('\n').Length);

        var budget = Edge("model", "verify", ConvertedFixtures.Get("flux_cnn1d").ModelPath, "--onnx", Samples.File("flux_cnn1d.onnx"),
            "--data", Samples.File("test_164V.windows.csv"), "--board", "nucleo-f091rc");
        Assert.AreEqual((int)ExitCode.InvalidInput, budget.Code);
        StringAssert.Contains(budget.Error, "nucleo-f091rc");

        var columns = Edge("model", "convert", Samples.File("flux_mlp.onnx"), "--calib", Samples.File("train_164V.features.csv"), "-o", Samples.ScratchFile("x.edgem"), "-i", "f0..f9");
        Assert.AreEqual((int)ExitCode.Usage, columns.Code, "the command line names 10 columns for a 64-value input");
        StringAssert.Contains(columns.Error, "takes 64 values per row");
    }

    [TestMethod]
    public void AModelOnnxRuntimeRefusesIsReportedNotThrown()
    {
        // Opset 99 does not exist: edge's importer needs nothing from it, ONNX Runtime refuses to load the model.
        var random = new Random(1);
        string onnx = new OnnxModelBuilder(opset: 99).Input("x", 4).Output("y", 2).Random("w", random, 1, 2, 4)
            .Node("Gemm", ["x", "w"], ["y"], "/Gemm", null, OnnxModelBuilder.Int("transB", 1)).Save("cli-opset99.onnx");
        string model = Samples.ScratchFile("cli-opset99.edgem");
        var convert = Edge("model", "convert", onnx, "--calib", Samples.File("train_164V.features.csv"), "-i", "f0..f3", "-o", model);
        Assert.AreEqual(0, convert.Code, convert.Error);
        var verify = Edge("model", "verify", model, "--onnx", onnx, "--data", Samples.File("test_164V.features.csv"));
        Assert.AreEqual((int)ExitCode.InvalidInput, verify.Code);
        StringAssert.StartsWith(verify.Error, $"error: {onnx}: ONNX Runtime cannot load it");
    }

    [TestMethod]
    public void HelpShowsExamples()
    {
        foreach (var command in new[] { "convert", "verify", "inspect" })
        {
            var help = Edge("model", command, "--help");
            Assert.AreEqual(0, help.Code);
            StringAssert.Contains(help.Out, "edge model " + command);
        }
    }

    /// <summary>`inspect --onnx` lists every node of a convertible export with ok/folded and what it became, and exits 0.</summary>
    [TestMethod]
    public void InspectOnnxListsEveryNodeOfAConvertibleModel()
    {
        string onnx = Samples.ZooFile("cnn1d_dw.onnx");
        var inspect = Edge("model", "inspect", onnx, "--onnx");
        Assert.AreEqual(0, inspect.Code, inspect.Error);
        StringAssert.Contains(inspect.Out, "converts");
        var model = global::Edge.Models.Onnx.Proto.Model.Parser.ParseFrom(File.ReadAllBytes(onnx));
        var lines = inspect.Out.Split('\n');
        foreach (var node in model.Graph.Node)
            Assert.IsTrue(lines.Any(l => l.Contains(node.Name) && (l.Contains(" ok ") || l.Contains(" folded "))), $"node {node.Name} is not listed as ok or folded");
        Assert.IsTrue(lines.Any(l => l.Contains("Pad") && l.Contains(" ok ")), "a Pad node becomes board ops");
    }

    /// <summary>An operator edge has no kernel for is named with its node, and the command exits 3 with one error line.</summary>
    [TestMethod]
    public void InspectOnnxNamesTheNodeThatDoesNotConvert()
    {
        var random = new Random(3);
        string onnx = new OnnxModelBuilder().Input("x", 4, 8).Output("y", 4, 4).Random("w", random, 1, 4, 4)
            .Node("Transpose", ["x"], ["t"], "/T", null, OnnxModelBuilder.Ints("perm", 0, 2, 1))
            .Node("TopK", ["t", "k"], ["v", "i"], "/TopK")
            .Int64Initializer("k", [1], [4])
            .Node("MatMul", ["v", "w"], ["y"], "/MatMul").Save("topk.onnx");
        var inspect = Edge("model", "inspect", onnx, "--onnx");
        Assert.AreEqual((int)ExitCode.InvalidInput, inspect.Code);
        StringAssert.Contains(inspect.Out, "/T");
        Assert.IsTrue(inspect.Out.Split('\n').Any(l => l.Contains("/TopK") && l.Contains("unsupported") && l.Contains("TopK is not supported")), inspect.Out);
        Assert.IsTrue(inspect.Out.Split('\n').Any(l => l.Contains("/MatMul") && l.Contains("not checked")), inspect.Out);
        Assert.AreEqual(1, inspect.Error.Trim().Split('\n').Length, inspect.Error);
        StringAssert.Contains(inspect.Error, "/TopK");
    }
}

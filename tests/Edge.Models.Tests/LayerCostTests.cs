using System.Reflection;
using Edge.Device.Inference;
using Edge.Models.Reports;
using Edge.Models.Tests.Support;
using Edge.Targets.Heap;

namespace Edge.Models.Tests;

/// <summary>
/// `edge model inspect`'s per-layer MACs, parameter bytes and arena bytes, on zoo models, against
/// MACs worked out by hand from the architectures, the file's own sections and the interpreter's
/// arena as Edge.Targets prices it.
/// </summary>
[TestClass]
public sealed class LayerCostTests
{
    private static ConversionResult Convert(string model, string kind) =>
        ModelConverter.Convert(new ConvertOptions(Samples.ZooFile(model + ".onnx"), Samples.File($"train_164V.{kind}.csv"), Samples.ScratchFile($"costs-{model}.edgem"))
        {
            BiasCorrection = false,
        });

    /// <summary>mlp: Gemm 64->32, 32->16, 16->1 (the Sub/Div fold into the input, the ReLUs into the Gemms, the sigmoid is a table).</summary>
    [TestMethod]
    public void DenseModelMacsAreInTimesOutPerLayer()
    {
        var costs = LayerCosts.Of(Convert("mlp_op13", "features").Model);
        CollectionAssert.AreEqual(new long[] { 64 * 32, 32 * 16, 16 * 1 }, costs.Layers.Where(l => l.Op == "FullyConnected").Select(l => l.Macs).ToArray());
        Assert.AreEqual(64L * 32 + 32 * 16 + 16, costs.Macs);
        // int8 weights, then int32 bias, multiplier and shift per output.
        Assert.AreEqual(64 * 32 + 12 * 32, costs.Layers.First(l => l.Op == "FullyConnected").ParameterBytes);
    }

    /// <summary>
    /// cnn2d: edge Pad to 18x18, Conv 1->8 3x3 (16x16 out), MaxPool 2 (8x8), Conv 8->16 3x3 padded
    /// (8x8 out), AvgPool 2 (4x4), Flatten 256, Gemm 256->32, 32->1.
    /// </summary>
    [TestMethod]
    public void ConvModelMacsAreOutputsTimesTaps()
    {
        var costs = LayerCosts.Of(Convert("cnn2d", "windows").Model);
        CollectionAssert.AreEqual(new long[] { 8 * 16 * 16 * (1 * 3 * 3), 16 * 8 * 8 * (8 * 3 * 3) }, costs.Layers.Where(l => l.Op == "Conv2D").Select(l => l.Macs).ToArray());
        CollectionAssert.AreEqual(new long[] { 256 * 32, 32 }, costs.Layers.Where(l => l.Op == "FullyConnected").Select(l => l.Macs).ToArray());
        Assert.AreEqual(100_384, costs.Macs);
    }

    [TestMethod]
    [DataRow("mlp_op13", "features")]
    [DataRow("cnn2d", "windows")]
    [DataRow("cnn1d_dw", "windows")]
    [DataRow("gru", "windows")]
    [DataRow("lstm", "windows")]
    public void TotalsAgreeWithTheFileTheConverterAndTheBoardMemoryModel(string name, string kind)
    {
        var result = Convert(name, kind);
        var model = result.Model;
        var costs = LayerCosts.Of(model);
        // Every constant byte belongs to exactly one op.
        Assert.AreEqual(model.Weights.Length + 4 * model.Ints.Length, costs.ParameterBytes);
        // The same MACs the converter counted on the float graph.
        Assert.AreEqual(result.Report.Macs, costs.Macs);
        // Live bytes never exceed the planned arena, and the arena's heap price is the interpreter's own two arrays as Edge.Targets measures them.
        Assert.AreEqual(model.ArenaBytes, costs.ArenaBytes);
        Assert.IsLessThanOrEqualTo(model.ArenaBytes, costs.PeakLiveArenaBytes);
        var interpreter = new Interpreter(model);
        object Field(string f) => typeof(Interpreter).GetField(f, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(interpreter)!;
        Assert.AreEqual(HeapMeasure.Of(Field("_arena8")) + HeapMeasure.Of(Field("_arena32")), (long)costs.ArenaHeapBytes);
    }

    /// <summary>inspect --onnx, before conversion, gives the same per-layer figures as the converted file.</summary>
    [TestMethod]
    public void EstimateBeforeConversionMatchesTheConvertedModel()
    {
        var converted = LayerCosts.Of(Convert("cnn1d_dw", "windows").Model);
        var estimate = LayerCosts.Estimate(Samples.ZooFile("cnn1d_dw.onnx"));
        CollectionAssert.AreEqual(converted.Layers.Select(l => (l.Op, l.Macs, l.ParameterBytes, l.LiveArenaBytes)).ToArray(),
            estimate.Layers.Select(l => (l.Op, l.Macs, l.ParameterBytes, l.LiveArenaBytes)).ToArray());
        Assert.AreEqual(converted.ArenaBytes, estimate.ArenaBytes);
    }
}

using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models;
using Edge.Targets.Boards;
using Edge.Targets.Memory;
using Edge.TestSupport;

namespace Edge.Device.Tests.Memory;

/// <summary>
/// The exporter zoo's tree classifiers on the board: a binary forest's one score column is
/// summed once (one leaf value per leaf, not a mirrored pair), which is what lets the 16-tree
/// forest fit the nucleo-f401re's managed heap beside the board app.
/// </summary>
[TestClass]
public sealed class TreeModelMemoryTests
{
    private static EdgeModel Convert(string name)
    {
        string output = Path.Combine(RepoPaths.TempDirectory("tree-memory"), name + ".edgem");
        return ModelConverter.Convert(new ConvertOptions(Path.Combine(RepoPaths.Root, "samples", "zoo", name + ".onnx"), RepoPaths.MotorFlux("train_164V.features.csv"), output)).Model;
    }

    [TestMethod]
    [DataRow("rf")]
    [DataRow("gbm")]
    public void BinaryTreeClassifiersKeepOneLeafValuePerLeafAndFitBothNucleoBoards(string name)
    {
        var model = Convert(name);
        var tree = model.Operations.Single(o => o.Code == OpCode.TreeEnsemble);
        var p = tree.Parameters;
        Assert.AreEqual(1, p[TreeEnsembleInt8.TargetCount], "one score column");
        int leaves = Enumerable.Range(0, p[TreeEnsembleInt8.NodeCount])
            .Count(n => model.Ints[p[TreeEnsembleInt8.NodesAt] + TreeEnsembleInt8.NodeInts * n + 1] >> 24 == TreeEnsembleInt8.Leaf);
        Assert.AreEqual(leaves, p[TreeEnsembleInt8.LeafWeightCount], "one (target, value) pair per leaf");

        var f746 = BoardMemory.Check(BoardTarget.NucleoF746zg, model, null);
        var f401 = BoardMemory.Check(BoardTarget.NucleoF401re, model, null);
        Console.WriteLine(f746.Table());
        Console.WriteLine(f401.Table());
        Assert.IsTrue(f746.Fits, f746.Table());
        Assert.IsTrue(f401.Fits, f401.Table());
    }
}

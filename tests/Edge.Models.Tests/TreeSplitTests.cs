using Edge.Data;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;
using Edge.Models.Import;
using Edge.Models.Onnx;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

/// <summary>
/// "Identical split decisions": every node decision of the converted IsolationForest, on every
/// test row and on rows built to sit exactly on each threshold and one float step either side,
/// equals the float32 decision on the ONNX model's own thresholds.
/// </summary>
[TestClass]
public sealed class TreeSplitTests
{
    [TestMethod]
    public void EveryNodeDecidesAsFloatOnTestRowsAndOnThresholds()
    {
        var fixture = ConvertedFixtures.Get("flux_iforest");
        var model = fixture.Model;
        var op = model.Operations.Single(o => o.Code == OpCode.TreeEnsemble);
        int[] p = op.Parameters;
        int nodesAt = p[TreeEnsembleInt8.NodesAt], nodeCount = p[TreeEnsembleInt8.NodeCount];

        // The thresholds as ONNX stores them, read straight from the file.
        var proto = OnnxModelFile.Parse(File.ReadAllBytes(fixture.OnnxPath), fixture.OnnxPath);
        var onnxNode = new OnnxNode(proto.Graph.Node.Single(n => n.OpType == "TreeEnsembleRegressor"), 0);
        var modes = onnxNode.Strings("nodes_modes");
        var onnxSplits = onnxNode.Ints("nodes_featureids").Zip(onnxNode.Floats("nodes_values")).Where((_, i) => modes[i] != "LEAF")
            .Select(s => ((int)s.First, s.Second)).ToList();

        // The device's splits: feature and threshold recovered from the stored key.
        var splits = new List<(int Node, int Feature, float Threshold)>();
        for (int n = 0; n < nodeCount; n++)
        {
            int at = nodesAt + TreeEnsembleInt8.NodeInts * n;
            if (model.Ints[at + 1] >> 24 == TreeEnsembleInt8.Leaf) continue;
            Assert.AreEqual(TreeEnsembleInt8.BranchLeq, model.Ints[at + 1] >> 24);
            splits.Add((n, model.Ints[at + 1] & 0xFFFFFF, BitConverter.Int32BitsToSingle(FloatKey.ToBits(model.Ints[at]))));
        }
        CollectionAssert.AreEquivalent(onnxSplits.Select(s => $"{s.Item1}:{s.Item2:R}").ToList(), splits.Select(s => $"{s.Feature}:{s.Threshold:R}").ToList(),
            "the device holds exactly the ONNX thresholds");

        var rows = TestRows(fixture).ToList();
        var constructed = rows.Count;
        foreach (var (_, feature, threshold) in splits)
        foreach (var value in new[] { threshold, MathF.BitIncrement(threshold), MathF.BitDecrement(threshold) })
        {
            var row = (float[])rows[(feature * 31 + splits.Count) % 2000].Clone();
            row[feature] = value;
            rows.Add(row);
        }
        Assert.IsGreaterThan(constructed, rows.Count);

        long mismatches = 0, decisions = 0;
        var keys = new int[64];
        foreach (var row in rows)
        {
            for (int f = 0; f < 64; f++) keys[f] = FloatKey.FromBits(BitConverter.SingleToInt32Bits(row[f]));
            foreach (var (node, feature, threshold) in splits)
            {
                if (TreeEnsembleInt8.Decide(model.Ints, nodesAt, node, keys, 0) != (row[feature] <= threshold)) mismatches++;
                decisions++;
            }
        }
        Assert.AreEqual(0, mismatches, $"{mismatches} of {decisions} node decisions differ");

        // The walks end in the same leaves as the float trees, and the scores stay within 0.01 of ONNX Runtime on every row.
        var graph = OnnxImporter.Import(fixture.OnnxPath);
        var tree = (TreeEnsembleOp)graph.Ops[0];
        for (int t = 0; t < tree.Trees.Count; t++)
        {
            int root = model.Ints[p[TreeEnsembleInt8.RootsAt] + t];
            foreach (var row in rows.Take(300).Concat(rows.Skip(constructed).Take(1000)))
            {
                for (int f = 0; f < 64; f++) keys[f] = FloatKey.FromBits(BitConverter.SingleToInt32Bits(row[f]));
                Assert.AreEqual(TreeEnsembleOp.FindLeaf(tree.Trees[t], row), TreeEnsembleInt8.FindLeaf(model.Ints, nodesAt, root, keys, 0) - root);
            }
        }
        using var ort = new OnnxRuntimeModel(fixture.OnnxPath, "input", [1, 64], ["output"]);
        var reference = ort.Run(rows)[0];
        var engine = new DeviceEngine(model);
        for (int r = 0; r < rows.Count; r++)
            Assert.IsLessThanOrEqualTo(0.01, Math.Abs(engine.Run(rows[r])[0] - reference[r][0]), $"row {r}");
    }

    private static IEnumerable<float[]> TestRows(ConvertedFixture fixture)
    {
        var table = TableReader.Read(fixture.TestData);
        return InputMapping.Rows(table, InputMapping.Expand("f0..f63"));
    }
}

namespace Edge.Models.Graph;

/// <summary>
/// A tree ensemble (ONNX-ML TreeEnsembleRegressor, or the scores of TreeEnsembleClassifier):
/// y[t] = Base[t] + Σ over trees of the reached leaf's weights for target t. Averaging and
/// constant Mul/Add after the op are folded into the weights and base values.
/// </summary>
public sealed class TreeEnsembleOp(string name, string sourceOps, GraphTensor input, GraphTensor output, int featureCount, int targetCount,
    List<List<TreeNode>> trees, double[] baseValues)
    : GraphOp(name, sourceOps, [input], output)
{
    public int FeatureCount { get; } = featureCount;

    public int TargetCount { get; } = targetCount;

    public List<List<TreeNode>> Trees { get; } = trees;

    public double[] BaseValues { get; } = baseValues;

    public int NodeCount => Trees.Sum(t => t.Count);

    /// <summary>Split nodes visited per inference at most: the sum of the trees' depths (a cost figure for board simulation).</summary>
    public long MaxSplitsPerInference => Trees.Sum(t => (long)Depth(t, 0));

    private static int Depth(List<TreeNode> tree, int node) =>
        tree[node].IsLeaf ? 0 : 1 + Math.Max(Depth(tree, tree[node].TrueChild), Depth(tree, tree[node].FalseChild));

    public override string Kind => "TreeEnsemble";

    public override long Parameters => NodeCount;

    /// <summary>Scales every leaf weight and base value of <paramref name="target"/> by a, then adds b to the base.</summary>
    public void FoldAffine(int target, double a, double b)
    {
        foreach (var tree in Trees)
        foreach (var node in tree)
        {
            for (int i = 0; i < node.Weights.Count; i++)
                if (node.Weights[i].Target == target) node.Weights[i] = (target, node.Weights[i].Value * a);
        }
        BaseValues[target] = BaseValues[target] * a + b;
    }

    /// <summary>The exact range of each target's output: base plus each tree's smallest and largest contribution.</summary>
    public (double Min, double Max)[] OutputRanges()
    {
        var ranges = BaseValues.Select(b => (Min: b, Max: b)).ToArray();
        foreach (var tree in Trees)
        {
            for (int t = 0; t < TargetCount; t++)
            {
                var values = tree.Where(n => n.IsLeaf).Select(n => n.Weights.Where(w => w.Target == t).Sum(w => w.Value)).ToList();
                ranges[t] = (ranges[t].Min + values.Min(), ranges[t].Max + values.Max());
            }
        }
        return ranges;
    }

    public static int FindLeaf(List<TreeNode> tree, float[] x)
    {
        int node = 0;
        while (!tree[node].IsLeaf)
        {
            var n = tree[node];
            node = TreeNode.Decide(n.Mode, x[n.Feature], n.Threshold) ? n.TrueChild : n.FalseChild;
        }
        return node;
    }

    public override void Evaluate(IReadOnlyList<float[]> inputs, float[] output)
    {
        var sums = (double[])BaseValues.Clone();
        foreach (var tree in Trees)
        {
            foreach (var (target, value) in tree[FindLeaf(tree, inputs[0])].Weights) sums[target] += value;
        }
        for (int t = 0; t < TargetCount; t++) output[t] = (float)sums[t];
    }
}

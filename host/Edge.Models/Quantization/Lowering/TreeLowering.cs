using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;
using Edge.Models.Import;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Tree ensembles: thresholds become order-preserving float keys (so every split decides exactly
/// as float32 does), leaf weights become int32 in 2^-F steps of the output scale, and the output
/// is quantised over its exact range (base plus each tree's extreme leaves), no calibration needed.
/// </summary>
internal static class TreeLowering
{
    public const int MaxFractionBits = 16;

    public static void TreeEnsemble(TreeEnsembleOp op, LoweringContext context)
    {
        var ranges = op.OutputRanges();
        // Pinned where an exact op after it needs a particular grid (a binary classifier's mirror).
        var outputQ = op.Output.Pinned ?? AffineQuantization.FromRange(ranges.Min(r => r.Min), ranges.Max(r => r.Max));
        context.AddTensor(op.Output, TensorType.Int8, outputQ);

        // Fraction bits: as many as keep the largest possible |sum| below 2^30.
        double bound = op.BaseValues.Select(Math.Abs).DefaultIfEmpty(0).Max()
            + op.Trees.Sum(tree => tree.Where(n => n.IsLeaf).Select(n => n.Weights.Sum(w => Math.Abs(w.Value))).DefaultIfEmpty(0).Max());
        double steps = bound / outputQ.Scale;
        int fraction = MaxFractionBits;
        while (fraction > 0 && steps * (1 << fraction) >= 1 << 30) fraction--;
        if (steps * (1 << fraction) >= 1 << 30) throw new ModelImportException($"op TreeEnsemble '{op.Name}': leaf sums up to {bound:G4} do not fit int32 at the output scale");
        double unit = (1 << fraction) / (double)outputQ.Scale;

        var nodes = new List<int>();
        var roots = new List<int>();
        var leafWeights = new List<int>();
        int nodeCount = 0;
        foreach (var tree in op.Trees)
        {
            roots.Add(nodeCount);
            for (int i = 0; i < tree.Count; i++)
            {
                var n = tree[i];
                if (n.IsLeaf)
                {
                    nodes.Add(leafWeights.Count / 2);
                    nodes.Add(TreeEnsembleInt8.Leaf << 24 | n.Weights.Count);
                    nodes.Add(0);
                    foreach (var (target, value) in n.Weights)
                    {
                        leafWeights.Add(target);
                        leafWeights.Add(LoweringContext.ToInt32(value * unit, op, "leaf weight"));
                    }
                    continue;
                }
                int trueDelta = n.TrueChild - i, falseDelta = n.FalseChild - i;
                if (trueDelta is < 1 or > 0xFFFF || falseDelta is < 1 or > 0xFFFF)
                    throw new ModelImportException($"op TreeEnsemble '{op.Name}': a tree is too large (child more than 65535 nodes after its parent)");
                nodes.Add(ThresholdKey(n.Threshold));
                nodes.Add(Mode(n.Mode) << 24 | n.Feature);
                nodes.Add(trueDelta | falseDelta << 16);
            }
            nodeCount += tree.Count;
        }
        var image = context.Image;
        var p = new int[TreeEnsembleInt8.ParameterCount];
        p[TreeEnsembleInt8.FeatureCount] = op.FeatureCount;
        p[TreeEnsembleInt8.TreeCount] = op.Trees.Count;
        p[TreeEnsembleInt8.RootsAt] = image.AddInts(roots);
        p[TreeEnsembleInt8.NodesAt] = image.AddInts(nodes);
        p[TreeEnsembleInt8.NodeCount] = nodeCount;
        p[TreeEnsembleInt8.LeafWeightsAt] = image.AddInts(leafWeights);
        p[TreeEnsembleInt8.LeafWeightCount] = leafWeights.Count / 2;
        p[TreeEnsembleInt8.TargetCount] = op.TargetCount;
        p[TreeEnsembleInt8.BaseValuesAt] = image.AddInts(op.BaseValues.Select(b => LoweringContext.ToInt32(b * unit, op, "base value")));
        p[TreeEnsembleInt8.FractionBits] = fraction;
        p[TreeEnsembleInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        p[TreeEnsembleInt8.AccumulatorsAt] = 0;   // set once the planner has placed the int32 scratch
        image.Ops.Add(context.Op(OpCode.TreeEnsemble, op, p));
    }

    /// <summary>The threshold as the device compares it: the order-preserving key of its float32 bits.</summary>
    public static int ThresholdKey(float threshold) => FloatKey.FromBits(BitConverter.SingleToInt32Bits(threshold));

    private static int Mode(SplitMode mode) => mode switch
    {
        SplitMode.Leq => TreeEnsembleInt8.BranchLeq,
        SplitMode.Lt => TreeEnsembleInt8.BranchLt,
        SplitMode.Gte => TreeEnsembleInt8.BranchGte,
        SplitMode.Gt => TreeEnsembleInt8.BranchGt,
        SplitMode.Eq => TreeEnsembleInt8.BranchEq,
        _ => TreeEnsembleInt8.BranchNeq,
    };
}

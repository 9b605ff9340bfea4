using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Tree ensembles (ONNX-ML TreeEnsembleRegressor/Classifier) on float-key features. Each split
    /// compares the feature's key with the threshold's key, an integer compare that decides
    /// exactly as the float32 compare of ONNX Runtime does (see <see cref="FloatKey"/>). Leaf
    /// values are summed per target in int32 fixed point, in units of 2^-FractionBits output
    /// steps (aggregation, constant Mul/Add after the op and the output scale are folded in by the
    /// converter), then rounded half away from zero to int8.
    /// <para>Node layout, three int32 each: [0] threshold key (leaf: first leaf-weight pair);
    /// [1] mode &lt;&lt; 24 | feature (leaf: mode Leaf | pair count); [2] true-child delta |
    /// false-child delta &lt;&lt; 16 (children always come after their parent, so walks end).</para>
    /// </summary>
    public static class TreeEnsembleInt8
    {
        public const int FeatureCount = 0;
        public const int TreeCount = 1;
        public const int RootsAt = 2;        // int32 data: TreeCount root node indices
        public const int NodesAt = 3;        // int32 data: NodeCount × 3
        public const int NodeCount = 4;
        public const int LeafWeightsAt = 5;  // int32 data: pairs (target, value)
        public const int LeafWeightCount = 6;
        public const int TargetCount = 7;
        public const int BaseValuesAt = 8;   // int32 data: TargetCount starting sums
        public const int FractionBits = 9;
        public const int OutputZeroPoint = 10;
        public const int AccumulatorsAt = 11; // int32 arena: TargetCount scratch sums
        public const int ParameterCount = 12;

        public const int NodeInts = 3;

        // Split modes (ONNX nodes_modes). The numbers are part of the file format.
        public const int BranchLeq = 1;
        public const int BranchLt = 2;
        public const int BranchGte = 3;
        public const int BranchGt = 4;
        public const int BranchEq = 5;
        public const int BranchNeq = 6;
        public const int Leaf = 15;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[FeatureCount], "feature count");
            c.Positive(p[TreeCount], "tree count");
            c.Positive(p[NodeCount], "node count");
            c.Positive(p[TargetCount], "target count");
            c.InRange(p[FractionBits], 0, 24, "fraction bits");
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.Equal(c.Input(0, TensorType.Float32Key).ElementCount, p[FeatureCount], "input elements");
            c.Equal(c.Output(0, TensorType.Int8).ElementCount, p[TargetCount], "output elements");
            c.Ints(p[RootsAt], p[TreeCount], "roots");
            c.Ints(p[NodesAt], (long)p[NodeCount] * NodeInts, "nodes");
            c.Ints(p[LeafWeightsAt], 2L * p[LeafWeightCount], "leaf weights");
            c.Ints(p[BaseValuesAt], p[TargetCount], "base values");
            c.Arena32(p[AccumulatorsAt], p[TargetCount], "accumulators");
            for (int t = 0; t < p[TreeCount]; t++) c.InRange(c.IntAt(p[RootsAt] + t), 0, p[NodeCount] - 1, "root of tree " + t.ToString());
            for (int n = 0; n < p[NodeCount]; n++) CheckNode(c, n);
            for (int w = 0; w < p[LeafWeightCount]; w++)
                c.InRange(c.IntAt(p[LeafWeightsAt] + 2 * w), 0, p[TargetCount] - 1, "target of leaf weight " + w.ToString());
        }

        private static void CheckNode(ModelCheck c, int n)
        {
            int[] p = c.P;
            int at = p[NodesAt] + NodeInts * n;
            int mode = c.IntAt(at + 1) >> 24;
            int low = c.IntAt(at + 1) & 0xFFFFFF;
            string node = "node " + n.ToString();
            if (mode == Leaf)
            {
                c.InRange(c.IntAt(at), 0, p[LeafWeightCount], node + " leaf weights start");
                c.InRange(low, 0, p[LeafWeightCount] - c.IntAt(at), node + " leaf weight count");
                return;
            }
            c.InRange(mode, BranchLeq, BranchNeq, node + " mode");
            c.InRange(low, 0, p[FeatureCount] - 1, node + " feature");
            int children = c.IntAt(at + 2);
            c.InRange(children & 0xFFFF, 1, p[NodeCount] - 1 - n, node + " true child offset");
            c.InRange((children >> 16) & 0xFFFF, 1, p[NodeCount] - 1 - n, node + " false child offset");
        }

        /// <summary>The split decision of internal node <paramref name="node"/>: true sends the walk to the true child.</summary>
        [HotPath]
        public static bool Decide(int[] ints, int nodesAt, int node, int[] features, int featuresAt)
        {
            int at = nodesAt + NodeInts * node;
            int threshold = ints[at];
            int x = features[featuresAt + (ints[at + 1] & 0xFFFFFF)];
            switch (ints[at + 1] >> 24)
            {
                case BranchLeq: return x <= threshold;
                case BranchLt: return x < threshold;
                case BranchGte: return x >= threshold;
                case BranchGt: return x > threshold;
                case BranchEq: return x == threshold;
                default: return x != threshold;
            }
        }

        /// <summary>The leaf a tree's walk ends in, from node <paramref name="root"/>.</summary>
        [HotPath]
        public static int FindLeaf(int[] ints, int nodesAt, int root, int[] features, int featuresAt)
        {
            int node = root;
            while ((ints[nodesAt + NodeInts * node + 1] >> 24) != Leaf)
            {
                int children = ints[nodesAt + NodeInts * node + 2];
                node += Decide(ints, nodesAt, node, features, featuresAt) ? children & 0xFFFF : (children >> 16) & 0xFFFF;
            }
            return node;
        }

        [HotPath]
        public static void Eval(int[] p, int[] ints, int[] arena32, sbyte[] arena8, int input, int output)
        {
            int targets = p[TargetCount];
            int acc = p[AccumulatorsAt];
            int nodesAt = p[NodesAt];
            int leafWeightsAt = p[LeafWeightsAt];
            for (int t = 0; t < targets; t++) arena32[acc + t] = ints[p[BaseValuesAt] + t];
            int trees = p[TreeCount];
            for (int tree = 0; tree < trees; tree++)
            {
                int leaf = nodesAt + NodeInts * FindLeaf(ints, nodesAt, ints[p[RootsAt] + tree], arena32, input);
                int first = leafWeightsAt + 2 * ints[leaf];
                int count = ints[leaf + 1] & 0xFFFFFF;
                for (int w = 0; w < count; w++)
                {
                    arena32[acc + ints[first + 2 * w]] += ints[first + 2 * w + 1];
                }
            }
            int fraction = p[FractionBits];
            int zeroPoint = p[OutputZeroPoint];
            for (int t = 0; t < targets; t++)
            {
                int v = QuantMath.RoundingDivideByPot(arena32[acc + t], fraction) + zeroPoint;
                arena8[output + t] = (sbyte)QuantMath.Clamp(v, QuantMath.Int8Min, QuantMath.Int8Max);
            }
        }
    }
}

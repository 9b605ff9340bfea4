using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// ONNX-ML TreeEnsembleRegressor and TreeEnsembleClassifier. Trees are renumbered depth-first so
/// children follow their parent; thresholds stay float32 (the device compares them as
/// order-preserving integer keys, exactly); AVERAGE aggregation is folded into the leaf weights;
/// LOGISTIC and SOFTMAX post-transforms become a table op and a softmax op; a classifier's label
/// output is an ArgMax of the scores (<see cref="ClassLabelImport"/>).
/// </summary>
internal static class TreeImport
{
    public static void Regressor(OnnxNode node, ImportContext context)
    {
        int targets = (int)node.Int("n_targets", 1);
        string aggregate = node.String("aggregate_function", "SUM");
        var tree = Build(node, context, targets, "target", aggregate, node.Ints("target_treeids"), node.Ints("target_nodeids"), node.Ints("target_ids"), node.Floats("target_weights"), node.Floats("base_values"));
        Finish(node, context, tree, node.Outputs[0]);
    }

    public static void Classifier(OnnxNode node, ImportContext context)
    {
        int classes = Math.Max(node.Ints("classlabels_int64s").Length, node.Strings("classlabels_strings").Length);
        if (classes == 0) throw node.Fail("no class labels");
        var classIds = node.Ints("class_ids");
        var classWeights = node.Floats("class_weights");
        var classTrees = node.Ints("class_treeids");
        var classNodes = node.Ints("class_nodeids");
        var baseValues = node.Floats("base_values");
        if (node.Outputs.Count < 2 || node.Outputs[1].Length == 0) throw node.Fail("the scores output (Z) is needed");
        if (classes == 2 && classIds.Distinct().Count() == 1)
        {
            BinaryScoreColumn(node, context, classTrees, classNodes, classIds, classWeights, baseValues);
        }
        else
        {
            var tree = Build(node, context, classes, "class", "SUM", classTrees, classNodes, classIds, classWeights, baseValues);
            Finish(node, context, tree, node.Outputs[1]);
        }
        ClassLabelImport.Define(node, context, node.Outputs[0], node.Outputs[1], node.Ints("classlabels_int64s"), classes);
    }

    /// <summary>
    /// skl2onnx's binary forest or booster: one score column s. ONNX Runtime returns [1 - s, s] when
    /// every weight is positive (a forest's fault share), else [-s, s] (a booster's log-odds), both
    /// before the post-transform. The trees sum s alone (one leaf value each, half the leaf table of
    /// two mirrored columns), then a 1→2 fully connected op with int8 weights ∓127 at scale 1/127
    /// writes the pair. Its output shares the trees' quantisation, pinned so that the mirror is
    /// exact: [0, 1] at 1/255 for 1 - s (1 is 255 steps), zero point 0 for -s.
    /// </summary>
    private static void BinaryScoreColumn(OnnxNode node, ImportContext context, long[] classTrees, long[] classNodes, long[] classIds, float[] classWeights, float[] baseValues)
    {
        bool positive = classWeights.All(w => w >= 0) && baseValues.All(b => b >= 0);
        double b = baseValues.Length > 0 ? baseValues[0] : 0;
        var tree = Build(node, context, 1, "class", "SUM", classTrees, classNodes, new long[classIds.Length], classWeights, [(float)b], node.Outputs[1] + "/score");
        var (lo, hi) = tree.OutputRanges()[0];
        Quantization.AffineQuantization q;
        if (positive)
        {
            q = Quantization.AffineQuantization.FromRange(Math.Min(lo, 1 - hi), Math.Max(1, Math.Max(hi, 1 - lo)));
        }
        else
        {
            double m = Math.Max(Math.Max(Math.Abs(lo), Math.Abs(hi)), 1e-6);
            q = new Quantization.AffineQuantization((float)(m / 127), 0);
        }
        tree.Output.Pinned = q;
        context.Add(tree);
        bool last = node.String("post_transform", "NONE") == "NONE";
        string pair = last ? node.Outputs[1] : node.Outputs[1] + "/pair";
        var mirror = new FullyConnectedOp(node.Name + "/pair", node.OpType, tree.Output, new GraphTensor(pair, [1, 2]) { Pinned = q, IsOnnxValue = last },
            1, 1, 2, [-1, 1], [positive ? 1 : 0, 0])
        {
            Pinned = new PinnedWeights([-127, 127], [1f / 127, 1f / 127]),
        };
        context.Add(mirror, pair);
        context.Folds.Add($"{node.Describe} one score column s summed once, then [{(positive ? "1 - s" : "-s")}, s] as ONNX Runtime returns them (an exact 1→2 fully connected op)");
        Finish(node, context, mirror, node.Outputs[1]);
    }

    public static bool IsLabelOutput(ImportContext context, string name) => context.DroppedOutputs.Contains(name);

    private static void Finish(OnnxNode node, ImportContext context, GraphOp tree, string outputName)
    {
        string post = node.String("post_transform", "NONE");
        if (!context.Ops.Contains(tree)) context.Add(tree);
        switch (post)
        {
            case "NONE":
                context.Define(outputName, new TensorValue(tree.Output));
                break;
            case "LOGISTIC":
                var logistic = new GraphTensor(outputName, tree.Output.Shape);
                context.Add(new UnaryFunctionOp(node.Name + "/logistic", "post_transform", tree.Output, logistic, "sigmoid", x => 1 / (1 + Math.Exp(-x)), (0, 1)));
                context.Define(outputName, new TensorValue(logistic));
                break;
            case "SOFTMAX":
                var softmax = new GraphTensor(outputName, tree.Output.Shape);
                context.Add(new SoftmaxOp(node.Name + "/softmax", "post_transform", tree.Output, softmax, 1, tree.Output.ElementCount));
                context.Define(outputName, new TensorValue(softmax));
                break;
            default:
                throw node.Fail($"post_transform={post} is not supported (NONE, LOGISTIC, SOFTMAX)");
        }
    }

    private static TreeEnsembleOp Build(OnnxNode node, ImportContext context, int targets, string what, string aggregate,
        long[] weightTrees, long[] weightNodes, long[] weightTargets, float[] weightValues, float[] baseValueAttribute, string? outputName = null)
    {
        if (aggregate is not ("SUM" or "AVERAGE")) throw node.Fail($"aggregate_function={aggregate} is not supported (SUM, AVERAGE)");
        var input = context.Tensor(node, 0);
        var graphInput = context.InputOf(input) ?? throw node.Fail("a tree ensemble must read the model input directly (its features are compared as float32)");
        if (!graphInput.IsIdentity) throw node.Fail("constant arithmetic before a tree ensemble cannot be folded exactly; export the trees on the raw features");
        if (input.Shape.Length != 2) throw node.Fail($"input {input.ShapeText}: expected [batch, features]");
        graphInput.IsFloatKey = true;
        int features = input.Shape[1];

        var treeIds = node.Ints("nodes_treeids");
        var nodeIds = node.Ints("nodes_nodeids");
        var featureIds = node.Ints("nodes_featureids");
        var modes = node.Strings("nodes_modes");
        var trueIds = node.Ints("nodes_truenodeids");
        var falseIds = node.Ints("nodes_falsenodeids");
        var thresholds = node.Floats("nodes_values");
        if (thresholds.Length == 0 && node.TensorAttribute("nodes_values_as_tensor") is { } t)
        {
            if (t.DataType != (int)Onnx.Proto.Tensor.Types.ElementType.Float) throw node.Fail("double thresholds (nodes_values_as_tensor) are not supported");
            thresholds = ConstTensor.From(t, node.Describe).Values.Select(v => (float)v).ToArray();
        }
        int n = treeIds.Length;
        if (n == 0) throw node.Fail("no nodes");
        if (new[] { nodeIds.Length, featureIds.Length, modes.Length, trueIds.Length, falseIds.Length, thresholds.Length }.Any(l => l != n))
            throw node.Fail("the nodes_* attributes have different lengths");
        if (new[] { weightNodes.Length, weightTargets.Length, weightValues.Length }.Any(l => l != weightTrees.Length))
            throw node.Fail($"the {what}_* attributes have different lengths");

        var index = new Dictionary<(long Tree, long Node), int>();
        for (int i = 0; i < n; i++)
            if (!index.TryAdd((treeIds[i], nodeIds[i]), i)) throw node.Fail($"tree {treeIds[i]} has node {nodeIds[i]} twice");
        var weights = new Dictionary<int, List<(int, double)>>();
        for (int i = 0; i < weightTrees.Length; i++)
        {
            if (!index.TryGetValue((weightTrees[i], weightNodes[i]), out int at)) throw node.Fail($"{what} weight {i} names a node that does not exist");
            if (weightTargets[i] < 0 || weightTargets[i] >= targets) throw node.Fail($"{what} weight {i} has {what} {weightTargets[i]} of {targets}");
            if (!weights.TryGetValue(at, out var list)) weights[at] = list = new();
            list.Add(((int)weightTargets[i], weightValues[i]));
        }

        var trees = new List<List<TreeNode>>();
        foreach (var treeId in treeIds.Distinct())
        {
            var members = Enumerable.Range(0, n).Where(i => treeIds[i] == treeId).ToList();
            var children = members.Where(i => modes[i] != "LEAF").SelectMany(i => new[] { trueIds[i], falseIds[i] }).ToHashSet();
            var roots = members.Where(i => !children.Contains(nodeIds[i])).ToList();
            if (roots.Count != 1) throw node.Fail($"tree {treeId} has {roots.Count} roots");
            trees.Add(Renumber(node, treeId, roots[0], index, treeIds, featureIds, modes, trueIds, falseIds, thresholds, weights, features));
        }
        var baseValues = baseValueAttribute.Select(v => (double)v).ToArray();
        if (baseValues.Length == 0) baseValues = new double[targets];
        if (baseValues.Length != targets) throw node.Fail($"base_values has {baseValues.Length} entries for {targets} {what}s");
        var output = new GraphTensor(outputName ?? node.Outputs[0], [1, targets]) { IsOnnxValue = outputName is null };
        var op = new TreeEnsembleOp(node.Name, node.OpType, input, output, features, targets, trees, baseValues);
        if (aggregate == "AVERAGE")
        {
            foreach (var leaf in trees.SelectMany(tr => tr))
                for (int i = 0; i < leaf.Weights.Count; i++) leaf.Weights[i] = (leaf.Weights[i].Target, leaf.Weights[i].Value / trees.Count);
            context.Folds.Add($"{node.Describe} AVERAGE over {trees.Count} trees folded into the leaf weights");
        }
        return op;
    }

    /// <summary>Depth-first pre-order numbering: every child gets a larger index than its parent.</summary>
    private static List<TreeNode> Renumber(OnnxNode node, long treeId, int root, Dictionary<(long, long), int> index, long[] treeIds, long[] featureIds,
        string[] modes, long[] trueIds, long[] falseIds, float[] thresholds, Dictionary<int, List<(int, double)>> weights, int features)
    {
        var order = new List<int>();
        var position = new Dictionary<int, int>();
        var stack = new Stack<int>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            int at = stack.Pop();
            if (position.ContainsKey(at)) throw node.Fail($"tree {treeId} is not a tree (node {at} is reached twice)");
            position[at] = order.Count;
            order.Add(at);
            if (modes[at] == "LEAF") continue;
            stack.Push(Child(node, index, treeId, falseIds[at]));
            stack.Push(Child(node, index, treeId, trueIds[at]));
        }
        var result = new List<TreeNode>();
        foreach (int at in order)
        {
            if (modes[at] == "LEAF")
            {
                var leaf = new TreeNode { IsLeaf = true };
                if (weights.TryGetValue(at, out var list)) leaf.Weights.AddRange(list);
                result.Add(leaf);
                continue;
            }
            if (featureIds[at] < 0 || featureIds[at] >= features) throw node.Fail($"tree {treeId} splits on feature {featureIds[at]} of {features}");
            result.Add(new TreeNode
            {
                Feature = (int)featureIds[at],
                Mode = modes[at] switch
                {
                    "BRANCH_LEQ" => SplitMode.Leq,
                    "BRANCH_LT" => SplitMode.Lt,
                    "BRANCH_GTE" => SplitMode.Gte,
                    "BRANCH_GT" => SplitMode.Gt,
                    "BRANCH_EQ" => SplitMode.Eq,
                    "BRANCH_NEQ" => SplitMode.Neq,
                    _ => throw node.Fail($"node mode {modes[at]} is not supported"),
                },
                Threshold = thresholds[at],
                TrueChild = position[Child(node, index, treeId, trueIds[at])],
                FalseChild = position[Child(node, index, treeId, falseIds[at])],
            });
        }
        return result;
    }

    private static int Child(OnnxNode node, Dictionary<(long, long), int> index, long treeId, long nodeId) =>
        index.TryGetValue((treeId, nodeId), out int at) ? at : throw node.Fail($"tree {treeId} refers to node {nodeId}, which does not exist");
}

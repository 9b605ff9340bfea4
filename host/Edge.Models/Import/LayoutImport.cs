using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Transpose, Concat, Split, Slice and Gather with constant indices on activations: ops that move
/// values without arithmetic, lowered to strided copies (a Transpose that only moves axes of
/// length 1 is a reshape, a Slice that keeps everything is nothing).
/// </summary>
internal static class LayoutImport
{
    public static void Transpose(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        int rank = input.Shape.Length;
        var perm = node.Has("perm") ? node.Ints("perm").Select(p => (int)p).ToArray() : Enumerable.Range(0, rank).Reverse().ToArray();
        if (perm.Length != rank || perm.Distinct().Count() != rank || perm.Any(p => p < 0 || p >= rank))
            throw node.Fail($"perm [{string.Join(",", perm)}] is not a permutation of {rank} axes");
        var shape = perm.Select(p => input.Shape[p]).ToArray();
        var output = new GraphTensor(node.Outputs[0], shape);
        var moved = perm.Where(p => input.Shape[p] > 1).ToArray();
        if (moved.SequenceEqual(moved.Order()))
        {
            context.Add(new ReshapeOp(node.Name, "Transpose", input, output), node.Outputs[0]);
            context.Folds.Add($"{node.Describe} only moves axes of length 1: a reshape");
            return;
        }
        if (moved.Length > Shape4.Rank) throw node.Fail($"a transpose of {input.ShapeText} moves {moved.Length} axes longer than 1; edge moves at most {Shape4.Rank}");
        context.Add(StridedCopyOp.Transpose(node.Name, "Transpose", input, output, perm), node.Outputs[0]);
    }

    public static void Concat(OnnxNode node, ImportContext context)
    {
        var inputs = Enumerable.Range(0, node.Inputs.Count).Where(i => node.Inputs[i].Length > 0).Select(i =>
            context.Value(node, node.Inputs[i]) is ConstValue ? throw node.Fail($"input '{node.Inputs[i]}' is a constant: edge concatenates activations") : context.Tensor(node, i)).ToList();
        int rank = inputs[0].Shape.Length;
        int axis = ConstantFolding.Axis(node, node.Int("axis", 0), rank);
        if (axis == 0) throw node.Fail("concatenation along the batch axis is not supported (batch 1)");
        foreach (var t in inputs)
        {
            if (t.Shape.Length != rank || Enumerable.Range(0, rank).Any(k => k != axis && t.Shape[k] != inputs[0].Shape[k]))
                throw node.Fail($"inputs {string.Join(", ", inputs.Select(i => i.ShapeText))} differ off axis {axis}");
        }
        var shape = (int[])inputs[0].Shape.Clone();
        shape[axis] = inputs.Sum(t => t.Shape[axis]);
        int outer = shape.Take(axis).Aggregate(1, (a, b) => a * b);
        var inners = inputs.Select(t => t.ElementCount / outer).ToArray();
        context.Add(new ConcatOp(node.Name, inputs, new GraphTensor(node.Outputs[0], shape), outer, inners), node.Outputs[0]);
    }

    public static void Split(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        int axis = ConstantFolding.Axis(node, node.Int("axis", 0), input.Shape.Length);
        var sizes = ConstantFolding.SplitSizes(node, context, input.Shape[axis]);
        if (sizes.Length != node.Outputs.Count) throw node.Fail($"{sizes.Length} parts for {node.Outputs.Count} outputs");
        int at = 0;
        for (int k = 0; k < sizes.Length; k++)
        {
            var spec = input.Shape.Select(d => (Start: 0, Count: d, Step: 1)).ToArray();
            spec[axis] = (at, sizes[k], 1);
            at += sizes[k];
            if (node.Outputs[k].Length == 0 || context.Unused(node.Outputs[k])) continue;
            AddSlice(node, context, input, spec, node.Outputs[k], spec.Select(s => s.Count).ToArray());
        }
    }

    public static void Slice(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        var spec = SliceSpec.Resolve(node, context, input.Shape);
        if (spec.Any(s => s.Count == 0)) throw node.Fail("the slice is empty");
        AddSlice(node, context, input, spec, node.Outputs[0], spec.Select(s => s.Count).ToArray());
    }

    public static void Gather(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        var indices = context.TryConst(node.Inputs[1]) ?? throw node.Fail("the indices must be constants: edge gathers at fixed positions");
        int axis = ConstantFolding.Axis(node, node.Int("axis", 0), input.Shape.Length);
        int n = input.Shape[axis];
        var list = indices.Longs.Select(i => i < 0 ? i + n : i).ToArray();
        if (list.Any(i => i < 0 || i >= n)) throw node.Fail($"an index lies outside [0, {n})");
        if (axis == 0 && list.Any(i => i != 0)) throw node.Fail("gathering along the batch axis is not supported");
        var shape = input.Shape.Take(axis).Concat(indices.Shape).Concat(input.Shape.Skip(axis + 1)).ToArray();
        if (shape.Length == 0 || shape[0] != 1) shape = shape.Prepend(1).ToArray();
        long step = list.Length > 1 ? list[1] - list[0] : 1;
        bool progression = list.Length > 0 && step != 0 && Enumerable.Range(0, list.Length).All(k => list[k] == list[0] + k * step);
        if (!progression) throw node.Fail($"indices [{string.Join(",", list.Take(8))}{(list.Length > 8 ? ",..." : "")}] are not evenly spaced; edge gathers evenly spaced positions");
        var spec = input.Shape.Select(d => (Start: 0, Count: d, Step: 1)).ToArray();
        spec[axis] = ((int)list[0], list.Length, (int)step);
        AddSlice(node, context, input, spec, node.Outputs[0], shape);
    }

    /// <summary>The slice (start, count, step per axis) of <paramref name="input"/> as a strided copy, or nothing when it is all of it.</summary>
    private static void AddSlice(OnnxNode node, ImportContext context, GraphTensor input, (int Start, int Count, int Step)[] spec, string name, int[] shape)
    {
        var output = new GraphTensor(name, shape);
        if (spec.Select((s, k) => s.Start == 0 && s.Step == 1 && s.Count == input.Shape[k]).All(x => x))
        {
            context.Add(new ReshapeOp(node.Name, node.OpType, input, output), name);
            return;
        }
        var strides = Shape4.Strides(input.Shape);
        int start = spec.Select((s, k) => s.Start * strides[k]).Sum();
        var loops = spec.Select((s, k) => (Count: s.Count, Stride: s.Step * strides[k])).Where(l => l.Count > 1).ToList();
        if (loops.Count > Shape4.Rank) throw node.Fail($"the slice of {input.ShapeText} spans {loops.Count} axes; edge copies along at most {Shape4.Rank}");
        while (loops.Count < Shape4.Rank) loops.Insert(0, (1, 0));
        context.Add(new StridedCopyOp(node.Name, node.OpType, input, output, loops.Select(l => l.Count).ToArray(), start, loops.Select(l => l.Stride).ToArray()), name);
    }
}

using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>ReduceMean, ReduceMax, ReduceSum over a run of adjacent axes, and ArgMax along one axis.</summary>
internal static class ReduceImport
{
    public static void ReduceMean(OnnxNode node, ImportContext context) => Reduce(node, context, ReduceMode.Mean);

    public static void ReduceMax(OnnxNode node, ImportContext context) => Reduce(node, context, ReduceMode.Max);

    public static void ReduceSum(OnnxNode node, ImportContext context) => Reduce(node, context, ReduceMode.Sum);

    private static void Reduce(OnnxNode node, ImportContext context, ReduceMode mode)
    {
        var input = context.Tensor(node, 0);
        int rank = input.Shape.Length;
        // From opset 18 (13 for ReduceSum) the axes are an input; before, an attribute.
        var axes = (node.Inputs.Count > 1 && node.Inputs[1].Length > 0 ? context.Const(node, 1, "axes").Longs : node.Ints("axes"))
            .Select(a => ConstantFolding.Axis(node, a, rank)).Distinct().Order().ToArray();
        if (axes.Length == 0)
        {
            if (node.Int("noop_with_empty_axes", 0) != 0)
            {
                context.Define(node.Outputs[0], new TensorValue(input));
                return;
            }
            axes = Enumerable.Range(1, rank - 1).ToArray();
        }
        if (axes.Contains(0) && input.Shape[0] != 1) throw node.Fail("reducing over the batch is not supported");
        axes = axes.Where(a => a != 0 || input.Shape[0] != 1).ToArray();
        if (axes.Length == 0) axes = [0];
        if (Enumerable.Range(axes[0], axes[^1] - axes[0] + 1).Except(axes).Any(b => input.Shape[b] > 1))
            throw node.Fail($"axes [{string.Join(",", axes)}] are not adjacent; edge reduces one run of adjacent axes");
        int first = axes[0], last = axes[^1];
        int outer = input.Shape.Take(first).Aggregate(1, (a, b) => a * b);
        int count = input.Shape.Skip(first).Take(last - first + 1).Aggregate(1, (a, b) => a * b);
        int inner = input.Shape.Skip(last + 1).Aggregate(1, (a, b) => a * b);
        bool keep = node.Int("keepdims", 1) != 0;
        var shape = input.Shape.Select((d, i) => axes.Contains(i) ? (keep ? 1 : -1) : d).Where(d => d >= 0).ToArray();
        if (shape.Length == 0 || (!keep && axes.Contains(0))) shape = shape.Prepend(1).ToArray();
        context.Add(new ReduceOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], shape), mode, outer, count, inner), node.Outputs[0]);
    }

    public static void ArgMax(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        int rank = input.Shape.Length;
        int axis = ConstantFolding.Axis(node, node.Int("axis", 0), rank);
        if (axis == 0) throw node.Fail("argmax over the batch is not supported");
        int depth = input.Shape[axis];
        if (depth > 128) throw node.Fail($"argmax over {depth} values: edge writes the index as int8 (at most 128 values)");
        int outer = input.Shape.Take(axis).Aggregate(1, (a, b) => a * b), inner = input.Shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        bool keep = node.Int("keepdims", 1) != 0;
        var shape = input.Shape.Select((d, i) => i == axis ? (keep ? 1 : -1) : d).Where(d => d >= 0).ToArray();
        var output = new GraphTensor(node.Outputs[0], shape) { Pinned = new Quantization.AffineQuantization(1f, 0) };
        context.Add(new ArgMaxOp(node.Name, input, output, outer, depth, inner, node.Int("select_last_index", 0) != 0), node.Outputs[0]);
    }
}

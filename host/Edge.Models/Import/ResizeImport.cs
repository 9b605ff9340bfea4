using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Resize, mode nearest, where every resized axis maps output positions to input positions as a
/// whole-number repeat (upsampling by an integer factor: in = floor(out / k)) or an evenly strided
/// pick (downsampling by an integer factor): one strided copy per resized axis (a zero stride
/// repeats), so no new kernel. The mapping is computed from ONNX's own formulas
/// (coordinate_transformation_mode, nearest_mode) for every output position and then matched, so
/// half_pixel, asymmetric, align_corners and the rest are honoured exactly where they reduce to a
/// repeat or a stride, and refused with the positions where they do not. Linear and cubic modes are
/// refused: they need an interpolating kernel.
/// </summary>
internal static class ResizeImport
{
    public static void Resize(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        string mode = node.String("mode", "nearest");
        if (mode != "nearest") throw node.Fail($"mode '{mode}' is not supported: edge resizes with mode 'nearest' (whole-number factors)");
        string transform = node.String("coordinate_transformation_mode", "half_pixel");
        if (transform == "tf_crop_and_resize") throw node.Fail("coordinate_transformation_mode 'tf_crop_and_resize' is not supported");
        string rounding = node.String("nearest_mode", "round_prefer_floor");
        if (node.Int("antialias", 0) != 0) throw node.Fail("antialias is not supported");
        if (node.Ints("axes").Length > 0) throw node.Fail("the axes attribute is not supported: give scales or sizes for every axis");

        int rank = input.Shape.Length;
        var (scales, sizes) = Targets(node, context, rank);
        var outLengths = Enumerable.Range(0, rank).Select(k => sizes?[k] ?? (int)Math.Floor(input.Shape[k] * scales![k])).ToArray();
        var changed = Enumerable.Range(0, rank).Where(k => outLengths[k] != input.Shape[k] || (sizes is null && scales![k] != 1)).ToList();
        if (changed.Contains(0)) throw node.Fail("resizing the batch axis is not supported");
        var shape = (int[])input.Shape.Clone();
        var current = input;
        foreach (int axis in changed)
        {
            int length = input.Shape[axis];
            int outLength = outLengths[axis];
            if (outLength < 1) throw node.Fail($"axis {axis} would be empty");
            double scale = sizes is null ? scales![axis] : outLength / (double)length;
            var map = Enumerable.Range(0, outLength).Select(j => Source(j, length, outLength, scale, transform, rounding)).ToArray();
            shape[axis] = outLength;
            bool last = axis == changed[^1];
            var output = new GraphTensor(last ? node.Outputs[0] : $"{node.Outputs[0]}#axis{axis}", (int[])shape.Clone());
            var op = AxisCopy(node, current, output, axis, map);
            if (last) context.Add(op, node.Outputs[0]);
            else context.Add(op);
            current = output;
        }
        if (changed.Count == 0) context.Add(new ReshapeOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], (int[])input.Shape.Clone())), node.Outputs[0]);
    }

    /// <summary>The constant scales or sizes (opset 10: input 1 is scales; 11+: roi, scales, sizes).</summary>
    private static (double[]? Scales, int[]? Sizes) Targets(OnnxNode node, ImportContext context, int rank)
    {
        ConstTensor? Const(int i) => i < node.Inputs.Count && node.Inputs[i].Length > 0
            ? context.TryConst(node.Inputs[i]) ?? throw node.Fail($"input {i} ({node.Inputs[i]}) must be a constant: edge resizes by fixed factors")
            : null;
        var scales = node.Inputs.Count == 2 ? Const(1) : Const(2);
        var sizes = node.Inputs.Count > 3 ? Const(3) : null;
        if (sizes is { Values.Length: > 0 })
        {
            if (sizes.Values.Length != rank) throw node.Fail($"sizes has {sizes.Values.Length} values for a rank-{rank} input");
            return (null, sizes.Longs.Select(v => (int)v).ToArray());
        }
        if (scales is not { Values.Length: > 0 }) throw node.Fail("neither scales nor sizes is given");
        if (scales.Values.Length != rank) throw node.Fail($"scales has {scales.Values.Length} values for a rank-{rank} input");
        if (scales.Values.Any(s => !(s > 0))) throw node.Fail("scales must be positive");
        return (scales.Values.Select(v => (double)(float)v).ToArray(), null);
    }

    /// <summary>The input position ONNX reads for output position <paramref name="j"/> (Resize's coordinate transform, then nearest_mode, clamped).</summary>
    internal static int Source(int j, int length, int outLength, double scale, string transform, string rounding)
    {
        double x = transform switch
        {
            "half_pixel" => (j + 0.5) / scale - 0.5,
            "pytorch_half_pixel" => outLength > 1 ? (j + 0.5) / scale - 0.5 : 0,
            "align_corners" => outLength == 1 ? 0 : j * (length - 1) / (double)(outLength - 1),
            "asymmetric" => j / scale,
            "tf_half_pixel_for_nearest" => (j + 0.5) / scale,
            _ => throw new ModelImportException($"coordinate_transformation_mode '{transform}' is not supported"),
        };
        double r = rounding switch
        {
            "round_prefer_floor" => x == Math.Floor(x) + 0.5 ? Math.Floor(x) : Math.Round(x),
            "round_prefer_ceil" => Math.Floor(x + 0.5),
            "floor" => Math.Floor(x),
            "ceil" => Math.Ceiling(x),
            _ => throw new ModelImportException($"nearest_mode '{rounding}' is not supported"),
        };
        return (int)Math.Clamp(r, 0, length - 1);
    }

    /// <summary>
    /// One axis as a strided copy: outer x positions x inner, where the positions are a repeat
    /// (k copies of each, stride 0 on a loop of k) or a progression (start + j·step).
    /// </summary>
    private static StridedCopyOp AxisCopy(OnnxNode node, GraphTensor input, GraphTensor output, int axis, int[] map)
    {
        int outer = input.Shape.Take(axis).Aggregate(1, (a, b) => a * b);
        int inner = input.Shape.Skip(axis + 1).Aggregate(1, (a, b) => a * b);
        int length = input.Shape[axis];
        int k = map.Length / length;
        if (k >= 1 && map.Length == k * length && map.Select((m, j) => m == j / k).All(x => x))
            return new StridedCopyOp(node.Name, node.OpType, input, output, [outer, length, k, inner], 0, [length * inner, inner, 0, 1]);
        int step = map.Length > 1 ? map[1] - map[0] : 1;
        if (step >= 1 && map.Select((m, j) => m == map[0] + j * step).All(x => x))
            return new StridedCopyOp(node.Name, node.OpType, input, output, [1, outer, map.Length, inner], map[0] * inner, [0, length * inner, step * inner, 1]);
        throw node.Fail($"axis {axis}: output positions read input positions [{string.Join(",", map.Take(12))}{(map.Length > 12 ? ",..." : "")}], neither a whole-number repeat nor an even stride; edge resizes by whole-number factors");
    }
}

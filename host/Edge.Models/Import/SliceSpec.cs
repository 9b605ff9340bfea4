using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>ONNX Slice's arithmetic, shared by constant folding and activation slicing: per axis the first index, the count and the step.</summary>
internal static class SliceSpec
{
    public static (int Start, int Count, int Step)[] Resolve(OnnxNode node, ImportContext context, int[] shape)
    {
        long[] starts, ends, axes, steps;
        if (context.Opset < 10 && node.Inputs.Count == 1)
        {
            starts = node.Ints("starts");
            ends = node.Ints("ends");
            axes = node.Has("axes") ? node.Ints("axes") : Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
            steps = Enumerable.Repeat(1L, starts.Length).ToArray();
        }
        else
        {
            starts = context.Const(node, 1, "starts").Longs;
            ends = context.Const(node, 2, "ends").Longs;
            axes = context.OptionalConst(node, 3, "axes")?.Longs ?? Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
            steps = context.OptionalConst(node, 4, "steps")?.Longs ?? Enumerable.Repeat(1L, starts.Length).ToArray();
        }
        if (ends.Length != starts.Length || axes.Length != starts.Length || steps.Length != starts.Length)
            throw node.Fail("starts, ends, axes and steps have different lengths");
        var result = shape.Select(d => (Start: 0, Count: d, Step: 1)).ToArray();
        for (int i = 0; i < starts.Length; i++)
        {
            int axis = (int)(axes[i] < 0 ? axes[i] + shape.Length : axes[i]);
            if (axis < 0 || axis >= shape.Length) throw node.Fail($"axis {axes[i]} is outside rank {shape.Length}");
            long dim = shape[axis], step = steps[i];
            if (step == 0) throw node.Fail("a step of 0");
            long start = starts[i] < 0 ? starts[i] + dim : starts[i];
            long end = ends[i] < 0 ? ends[i] + dim : ends[i];
            if (step > 0)
            {
                start = Math.Clamp(start, 0, dim);
                end = Math.Clamp(end, 0, dim);
            }
            else
            {
                start = Math.Clamp(start, 0, dim - 1);
                end = Math.Clamp(end, -1, dim - 1);
            }
            long count = Math.Max(0, step > 0 ? (end - start + step - 1) / step : (start - end + -step - 1) / -step);
            result[axis] = ((int)start, (int)count, (int)step);
        }
        return result;
    }
}

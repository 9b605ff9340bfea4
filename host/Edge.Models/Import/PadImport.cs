using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// Pad (constant, reflect, edge). Constant zero padding is left pending for a convolution or
/// average pool after it to absorb into its own padding (as exporters write nn.ConstantPad and
/// AvgPool(count_include_pad=True)); otherwise it becomes a Pad op.
/// </summary>
internal static class PadImport
{
    public static void Pad(OnnxNode node, ImportContext context)
    {
        var value = context.Value(node, node.Inputs[0]);
        var shape = ImportContext.ShapeOf(value);
        int rank = shape.Length;
        long[] pads;
        double constant = 0;
        if (context.Opset < 11 && node.Inputs.Count == 1)
        {
            pads = node.Ints("pads");
            constant = node.Float("value", 0f);
        }
        else
        {
            pads = context.Const(node, 1, "pads").Longs;
            if (context.OptionalConst(node, 2, "constant_value") is { } c) constant = c.Values.Length > 0 ? c.Values[0] : 0;
            if (context.OptionalConst(node, 3, "axes") is { } axesConst)
            {
                var axes = axesConst.Longs.Select(a => ConstantFolding.Axis(node, a, rank)).ToArray();
                var full = new long[2 * rank];
                for (int k = 0; k < axes.Length; k++)
                {
                    full[axes[k]] = pads[k];
                    full[axes[k] + rank] = pads[k + axes.Length];
                }
                pads = full;
            }
        }
        if (pads.Length != 2 * rank) throw node.Fail($"pads has {pads.Length} entries for rank {rank} (expected {2 * rank})");
        if (pads.Any(p => p < 0)) throw node.Fail("negative pads (cropping) are not supported; use Slice");
        string modeText = node.String("mode", "constant");
        var mode = modeText switch
        {
            "constant" => PadMode.Constant,
            "reflect" => PadMode.Reflect,
            "edge" => PadMode.Edge,
            _ => throw node.Fail($"mode={modeText} is not supported (constant, reflect, edge)"),
        };
        if (pads.All(p => p == 0))
        {
            context.Define(node.Outputs[0], value);
            context.Folds.Add($"{node.Describe} removed (no padding)");
            return;
        }
        if (mode == PadMode.Reflect && Enumerable.Range(0, rank).Any(a => pads[a] >= shape[a] || pads[a + rank] >= shape[a]))
            throw node.Fail("reflect padding as long as the axis is not defined (ONNX mirrors at most length - 1 values)");
        var source = context.Tensor(node, 0);
        context.Define(node.Outputs[0], new PaddedValue(source, mode, pads.Select(p => (int)p).ToArray(), constant, node.Name));
    }
}

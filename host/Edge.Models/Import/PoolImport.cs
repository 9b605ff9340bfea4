using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// MaxPool, AveragePool and their global forms over [batch, channels, length] or
/// [batch, channels, height, width]. Plain 1-D pools keep the 1-D kernels; 2-D pools and 1-D
/// average pools that count padding (an explicit zero Pad before them, or count_include_pad=1)
/// take the 2-D kernels.
/// </summary>
internal static class PoolImport
{
    public static void MaxPool(OnnxNode node, ImportContext context) => Pool(node, context, isMax: true);

    public static void AveragePool(OnnxNode node, ImportContext context) => Pool(node, context, isMax: false);

    public static void GlobalMaxPool(OnnxNode node, ImportContext context) => Global(node, context, isMax: true);

    public static void GlobalAveragePool(OnnxNode node, ImportContext context) => Global(node, context, isMax: false);

    private static void Pool(OnnxNode node, ImportContext context, bool isMax)
    {
        node.Require("ceil_mode", 0, "edge uses floor for the output length");
        node.Require("storage_order", 0, "column-major indices are not produced");
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0 && !context.Unused(node.Outputs[1])) throw node.Fail("the Indices output is not supported");
        if (node.Ints("dilations").Any(d => d != 1)) throw node.Fail("dilation other than 1 is not supported");
        var kernelShape = node.Ints("kernel_shape");
        int spatial = kernelShape.Length;
        if (spatial is not (1 or 2)) throw node.Fail($"kernel_shape [{string.Join(",", kernelShape)}]: edge pools over one or two axes");
        bool countIncludePad = node.Int("count_include_pad", 0) != 0;
        int[]? extra = null;
        if (!isMax && context.Value(node, node.Inputs[0]) is PaddedValue pending && pending.IsZeroPaddingFrom(2) && pending.Rank == spatial + 2
            && (countIncludePad || node.Ints("pads").All(p => p == 0)) && node.String("auto_pad", "NOTSET") is "NOTSET" or "VALID")
        {
            // AvgPool(count_include_pad=True) as torch exports it: a zero Pad, then a pool without padding.
            extra = pending.Pads;
            countIncludePad = true;
            context.Define(node.Inputs[0], new TensorValue(pending.Source));
            context.Fold($"Pad '{pending.Node}'", $"{node.Describe} (padding counted in the average)");
        }
        var input = Input(node, context, spatial);
        var strides = node.Ints("strides");
        var axes = new WindowAxis[spatial];
        bool padded = false;
        for (int s = 0; s < spatial; s++)
        {
            int length = input.Shape[2 + s], kernel = (int)kernelShape[s];
            int stride = strides.Length > s ? (int)strides[s] : 1;
            var (begin, end) = Padding(node, s, spatial, length, kernel, stride);
            if (extra is not null)
            {
                begin += extra[2 + s];
                end += extra[2 + s + spatial + 2];
            }
            if (begin >= kernel || end >= kernel) throw node.Fail($"padding {begin}/{end} as large as the kernel ({kernel}) is not supported");
            int outLength = (length + begin + end - kernel) / stride + 1;
            if (outLength < 1) throw node.Fail($"kernel {kernel} is longer than the padded input ({length + begin + end})");
            axes[s] = new WindowAxis(length, outLength, kernel, stride, 1, begin);
            padded |= begin + end > 0;
        }
        countIncludePad &= padded && !isMax;
        if (spatial == 1 && !countIncludePad)
        {
            var a = axes[0];
            Add1D(node, context, input, isMax, a.Out, a.Kernel, a.Stride, a.PadBegin);
            return;
        }
        var height = spatial == 2 ? axes[0] : new WindowAxis(1, 1, 1, 1, 1, 0);
        var outShape = spatial == 2 ? new[] { 1, input.Shape[1], axes[0].Out, axes[1].Out } : [1, input.Shape[1], axes[0].Out];
        context.Add(new Pool2DOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], outShape), isMax, input.Shape[1], height, axes[spatial - 1], countIncludePad), node.Outputs[0]);
    }

    private static void Global(OnnxNode node, ImportContext context, bool isMax)
    {
        var input = context.Tensor(node, 0);
        if (input.Shape.Length == 3)
        {
            Add1D(node, context, input, isMax, 1, input.Shape[2], 1, 0);
            return;
        }
        if (input.Shape.Length != 4) throw node.Fail($"input {input.ShapeText}: edge pools over [batch, channels, length] or [batch, channels, height, width]");
        var height = new WindowAxis(input.Shape[2], 1, input.Shape[2], 1, 1, 0);
        var width = new WindowAxis(input.Shape[3], 1, input.Shape[3], 1, 1, 0);
        context.Add(new Pool2DOp(node.Name, node.OpType, input, new GraphTensor(node.Outputs[0], [1, input.Shape[1], 1, 1]), isMax, input.Shape[1], height, width, false), node.Outputs[0]);
    }

    private static GraphTensor Input(OnnxNode node, ImportContext context, int spatial)
    {
        var input = context.Tensor(node, 0);
        if (input.Shape.Length != spatial + 2) throw node.Fail($"input {input.ShapeText}: a {spatial}-D kernel pools over [batch, channels{(spatial == 2 ? ", height, width" : ", length")}]");
        return input;
    }

    private static void Add1D(OnnxNode node, ImportContext context, GraphTensor input, bool isMax, int outLength, int kernel, int stride, int padBegin)
    {
        var output = new GraphTensor(node.Outputs[0], [1, input.Shape[1], outLength]);
        context.Add(new Pool1DOp(node.Name, node.OpType, input, output, isMax, input.Shape[1], input.Shape[2], outLength, kernel, stride, padBegin, false), node.Outputs[0]);
    }

    /// <summary>
    /// Begin and end padding of spatial axis <paramref name="axis"/> (of <paramref name="spatial"/>)
    /// from pads ([begins..., ends...]) or auto_pad (NOTSET, VALID, SAME_UPPER, SAME_LOWER);
    /// <paramref name="kernel"/> is the dilated extent.
    /// </summary>
    public static (int Begin, int End) Padding(OnnxNode node, int axis, int spatial, int length, int kernel, int stride)
    {
        string autoPad = node.String("auto_pad", "NOTSET");
        switch (autoPad)
        {
            case "NOTSET":
                var pads = node.Ints("pads");
                if (pads.Length == 0) return (0, 0);
                if (pads.Length != 2 * spatial) throw node.Fail($"pads [{string.Join(",", pads)}]: expected {2 * spatial} entries (begins, then ends)");
                if (pads.Any(p => p < 0)) throw node.Fail("negative pads are not supported");
                return ((int)pads[axis], (int)pads[axis + spatial]);
            case "VALID":
                return (0, 0);
            case "SAME_UPPER":
            case "SAME_LOWER":
                int outLength = (length + stride - 1) / stride;
                int total = Math.Max((outLength - 1) * stride + kernel - length, 0);
                int small = total / 2;
                return autoPad == "SAME_UPPER" ? (small, total - small) : (total - small, small);
            default:
                throw node.Fail($"auto_pad={autoPad} is not supported");
        }
    }
}

using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>MaxPool, AveragePool and their global forms over [batch, channels, length].</summary>
internal static class PoolImport
{
    public static void MaxPool(OnnxNode node, ImportContext context) => Pool(node, context, isMax: true);

    public static void AveragePool(OnnxNode node, ImportContext context) => Pool(node, context, isMax: false);

    public static void GlobalMaxPool(OnnxNode node, ImportContext context) => Global(node, context, isMax: true);

    public static void GlobalAveragePool(OnnxNode node, ImportContext context) => Global(node, context, isMax: false);

    private static void Pool(OnnxNode node, ImportContext context, bool isMax)
    {
        var input = Input(node, context);
        node.Require("ceil_mode", 0, "edge uses floor for the output length");
        node.Require("storage_order", 0, "column-major indices are not produced");
        if (node.Outputs.Count > 1 && node.Outputs[1].Length > 0) throw node.Fail("the Indices output is not supported");
        if (node.Ints("dilations").Any(d => d != 1)) throw node.Fail("dilation other than 1 is not supported");
        var kernelShape = node.Ints("kernel_shape");
        if (kernelShape.Length != 1) throw node.Fail($"kernel_shape [{string.Join(",", kernelShape)}]: edge pools over one axis");
        int kernel = (int)kernelShape[0];
        var strides = node.Ints("strides");
        int stride = strides.Length > 0 ? (int)strides[0] : 1;
        int length = input.Shape[2];
        var (padBegin, padEnd) = Padding(node, length, kernel, stride);
        int outLength = (length + padBegin + padEnd - kernel) / stride + 1;
        if (outLength < 1) throw node.Fail($"kernel {kernel} is longer than the padded input ({length + padBegin + padEnd})");
        bool countIncludePad = node.Int("count_include_pad", 0) != 0 && padBegin + padEnd > 0;
        if (countIncludePad) throw node.Fail("count_include_pad=1 with padding is not supported");
        Add(node, context, input, isMax, outLength, kernel, stride, padBegin);
    }

    private static void Global(OnnxNode node, ImportContext context, bool isMax)
    {
        var input = Input(node, context);
        Add(node, context, input, isMax, 1, input.Shape[2], 1, 0);
    }

    private static GraphTensor Input(OnnxNode node, ImportContext context)
    {
        var input = context.Tensor(node, 0);
        if (input.Shape.Length != 3) throw node.Fail($"input {input.ShapeText}: edge pools over [batch, channels, length]");
        return input;
    }

    private static void Add(OnnxNode node, ImportContext context, GraphTensor input, bool isMax, int outLength, int kernel, int stride, int padBegin)
    {
        var output = new GraphTensor(node.Outputs[0], [1, input.Shape[1], outLength]);
        context.Add(new Pool1DOp(node.Name, node.OpType, input, output, isMax, input.Shape[1], input.Shape[2], outLength, kernel, stride, padBegin, false));
        context.Define(node.Outputs[0], new TensorValue(output));
    }

    /// <summary>Begin and end padding from pads or auto_pad (NOTSET, VALID, SAME_UPPER, SAME_LOWER).</summary>
    public static (int Begin, int End) Padding(OnnxNode node, int length, int kernel, int stride)
    {
        string autoPad = node.String("auto_pad", "NOTSET");
        switch (autoPad)
        {
            case "NOTSET":
                var pads = node.Ints("pads");
                if (pads.Length == 0) return (0, 0);
                if (pads.Length != 2) throw node.Fail($"pads [{string.Join(",", pads)}]: expected [begin, end] for one axis");
                if (pads[0] >= kernel || pads[1] >= kernel) throw node.Fail("padding as large as the kernel is not supported");
                return ((int)pads[0], (int)pads[1]);
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

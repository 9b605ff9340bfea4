using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Ops that move values without arithmetic: Pad, strided copies (Transpose, Slice, Split, Gather
/// on constant indices) and 2-D pooling keep their input's quantisation; a Concat's output is
/// calibrated over its own range and each input lands in it through a strided copy that
/// requantises when that input's quantisation differs.
/// </summary>
internal static class LayoutLowering
{
    public static void Pad(PadOp op, LoweringContext context)
    {
        var q = context.SameAsInput(op);
        var p = new int[PadInt8.ParameterCount];
        for (int a = 0; a < 4; a++)
        {
            p[PadInt8.In0 + a] = op.InDims[a];
            p[PadInt8.Begin0 + a] = op.Begins[a];
            p[PadInt8.Out0 + a] = op.OutDims[a];
        }
        p[PadInt8.Mode] = op.Mode switch { PadMode.Constant => PadInt8.ModeConstant, PadMode.Reflect => PadInt8.ModeReflect, _ => PadInt8.ModeEdge };
        p[PadInt8.Value] = q.Quantize(op.Value);
        context.Image.Ops.Add(context.Op(OpCode.Pad, op, p));
    }

    public static void StridedCopy(StridedCopyOp op, LoweringContext context)
    {
        context.SameAsInput(op);
        var p = Copy(op.Counts, op.Start, op.Strides, 0, Shape4.Strides(op.Counts));
        context.Image.Ops.Add(context.Op(OpCode.StridedCopy, op, p));
    }

    /// <summary>One strided copy per input, each writing its block of every outer row of the one output tensor.</summary>
    public static void Concat(ConcatOp op, LoweringContext context)
    {
        context.AddCalibrated(op.Output);
        var qo = context.Quantization(op.Output);
        int total = op.Inners.Sum(), offset = 0;
        for (int k = 0; k < op.Inputs.Count; k++)
        {
            int inner = op.Inners[k];
            var p = Copy([1, 1, op.Outer, inner], 0, [0, 0, inner, 1], offset, [0, 0, total, 1]);
            var qi = context.Quantization(op.Inputs[k]);
            if (qi != qo) Requantise(p, qi, qo);
            context.Image.Ops.Add(new OpEntry(OpCode.StridedCopy, $"{op.Name}#{k}", [context.Index(op.Inputs[k])], [context.Index(op.Output)], p));
            offset += inner;
        }
    }

    public static void Pool(Pool2DOp op, LoweringContext context)
    {
        var q = context.SameAsInput(op);
        var (min, max) = LoweringContext.Bounds(op.Activation, q);
        var p = new int[op.IsMax ? MaxPool2DInt8.ParameterCount : AveragePool2DInt8.ParameterCount];
        p[Pool2DGeometry.Channels] = op.Channels;
        p[Pool2DGeometry.InHeight] = op.Height.In;
        p[Pool2DGeometry.InWidth] = op.Width.In;
        p[Pool2DGeometry.OutHeight] = op.Height.Out;
        p[Pool2DGeometry.OutWidth] = op.Width.Out;
        p[Pool2DGeometry.KernelHeight] = op.Height.Kernel;
        p[Pool2DGeometry.KernelWidth] = op.Width.Kernel;
        p[Pool2DGeometry.StrideHeight] = op.Height.Stride;
        p[Pool2DGeometry.StrideWidth] = op.Width.Stride;
        p[Pool2DGeometry.PadTop] = op.Height.PadBegin;
        p[Pool2DGeometry.PadLeft] = op.Width.PadBegin;
        if (op.IsMax)
        {
            p[MaxPool2DInt8.ActivationMin] = min;
            p[MaxPool2DInt8.ActivationMax] = max;
        }
        else
        {
            p[AveragePool2DInt8.CountIncludePad] = op.CountIncludePad ? 1 : 0;
            p[AveragePool2DInt8.ZeroPoint] = q.ZeroPoint;
            p[AveragePool2DInt8.ActivationMin] = min;
            p[AveragePool2DInt8.ActivationMax] = max;
        }
        context.Image.Ops.Add(context.Op(op.IsMax ? OpCode.MaxPool2D : OpCode.AveragePool2D, op, p));
    }

    private static int[] Copy(int[] counts, int inputStart, int[] inputStrides, int outputStart, int[] outputStrides)
    {
        var p = new int[StridedCopyInt8.ParameterCount];
        for (int k = 0; k < 4; k++)
        {
            p[StridedCopyInt8.Count0 + k] = counts[k];
            p[StridedCopyInt8.InputStride0 + k] = inputStrides[k];
            p[StridedCopyInt8.OutputStride0 + k] = outputStrides[k];
        }
        p[StridedCopyInt8.InputStart] = inputStart;
        p[StridedCopyInt8.OutputStart] = outputStart;
        return p;
    }

    private static void Requantise(int[] p, AffineQuantization from, AffineQuantization to)
    {
        p[StridedCopyInt8.InputOffset] = -from.ZeroPoint;
        (p[StridedCopyInt8.Multiplier], p[StridedCopyInt8.Shift]) = QuantizedMultiplier.From((double)from.Scale / to.Scale);
        p[StridedCopyInt8.OutputZeroPoint] = to.ZeroPoint;
    }
}

using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>Pooling, clamps and reshapes (which keep their input's quantisation), and Add/Mul of two activations (TFLM's parameters).</summary>
internal static class ElementwiseLowering
{
    public static void Pool(Pool1DOp op, LoweringContext context)
    {
        var q = context.SameAsInput(op);
        var (min, max) = LoweringContext.Bounds(op.Activation, q);
        int[] p;
        if (op.IsMax)
        {
            p = new int[MaxPool1DInt8.ParameterCount];
            p[MaxPool1DInt8.Channels] = op.Channels;
            p[MaxPool1DInt8.InLength] = op.InLength;
            p[MaxPool1DInt8.OutLength] = op.OutLength;
            p[MaxPool1DInt8.Kernel] = op.Kernel;
            p[MaxPool1DInt8.Stride] = op.Stride;
            p[MaxPool1DInt8.PadBegin] = op.PadBegin;
            p[MaxPool1DInt8.ActivationMin] = min;
            p[MaxPool1DInt8.ActivationMax] = max;
        }
        else
        {
            p = new int[AveragePool1DInt8.ParameterCount];
            p[AveragePool1DInt8.Channels] = op.Channels;
            p[AveragePool1DInt8.InLength] = op.InLength;
            p[AveragePool1DInt8.OutLength] = op.OutLength;
            p[AveragePool1DInt8.Kernel] = op.Kernel;
            p[AveragePool1DInt8.Stride] = op.Stride;
            p[AveragePool1DInt8.PadBegin] = op.PadBegin;
            p[AveragePool1DInt8.CountIncludePad] = op.CountIncludePad ? 1 : 0;
            p[AveragePool1DInt8.ActivationMin] = min;
            p[AveragePool1DInt8.ActivationMax] = max;
        }
        context.Image.Ops.Add(context.Op(op.IsMax ? OpCode.MaxPool1D : OpCode.AveragePool1D, op, p));
    }

    public static void Clamp(ClampOp op, LoweringContext context)
    {
        var (min, max) = LoweringContext.Bounds(op.Activation, context.SameAsInput(op));
        var p = new int[ClampInt8.ParameterCount];
        p[ClampInt8.Count] = op.Output.ElementCount;
        p[ClampInt8.Min] = min;
        p[ClampInt8.Max] = max;
        context.Image.Ops.Add(context.Op(OpCode.Clamp, op, p));
    }

    public static void Reshape(ReshapeOp op, LoweringContext context)
    {
        context.SameAsInput(op);
        var p = new int[ReshapeInt8.ParameterCount];
        p[ReshapeInt8.Count] = op.Output.ElementCount;
        context.Image.Ops.Add(context.Op(OpCode.Reshape, op, p));
    }

    public static void Binary(BinaryOp op, LoweringContext context)
    {
        var q1 = context.Quantization(op.Inputs[0]);
        var q2 = context.Quantization(op.Inputs[1]);
        context.AddCalibrated(op.Output);
        var qo = context.Quantization(op.Output);
        var (min, max) = LoweringContext.Bounds(op.Activation, qo);
        int[] p;
        if (op.IsAdd)
        {
            const int leftShift = 20;
            double twiceMax = 2.0 * Math.Max(q1.Scale, q2.Scale);
            p = new int[AddInt8.ParameterCount];
            p[AddInt8.Count] = op.Output.ElementCount;
            p[AddInt8.Input1Offset] = -q1.ZeroPoint;
            p[AddInt8.Input2Offset] = -q2.ZeroPoint;
            p[AddInt8.LeftShift] = leftShift;
            (p[AddInt8.Input1Multiplier], p[AddInt8.Input1Shift]) = QuantizedMultiplier.From(q1.Scale / twiceMax);
            (p[AddInt8.Input2Multiplier], p[AddInt8.Input2Shift]) = QuantizedMultiplier.From(q2.Scale / twiceMax);
            (p[AddInt8.OutputMultiplier], p[AddInt8.OutputShift]) = QuantizedMultiplier.From(twiceMax / ((1 << leftShift) * (double)qo.Scale));
            p[AddInt8.OutputZeroPoint] = qo.ZeroPoint;
            p[AddInt8.ActivationMin] = min;
            p[AddInt8.ActivationMax] = max;
        }
        else
        {
            p = new int[MulInt8.ParameterCount];
            p[MulInt8.Count] = op.Output.ElementCount;
            p[MulInt8.Input1Offset] = -q1.ZeroPoint;
            p[MulInt8.Input2Offset] = -q2.ZeroPoint;
            (p[MulInt8.OutputMultiplier], p[MulInt8.OutputShift]) = QuantizedMultiplier.From((double)q1.Scale * q2.Scale / qo.Scale);
            p[MulInt8.OutputZeroPoint] = qo.ZeroPoint;
            p[MulInt8.ActivationMin] = min;
            p[MulInt8.ActivationMax] = max;
        }
        context.Image.Ops.Add(context.Op(op.IsAdd ? OpCode.Add : OpCode.Mul, op, p));
    }

    /// <summary>Slopes quantised symmetric per channel like weights (one value per channel: ±127 at scale |α|/127).</summary>
    public static void PRelu(PReluOp op, LoweringContext context)
    {
        var qi = context.Quantization(op.Inputs[0]);
        context.AddCalibrated(op.Output);
        var qo = context.Quantization(op.Output);
        var (min, max) = LoweringContext.Bounds(Activation.None, qo);
        var (alpha, scales) = LinearLowering.PerChannel(op.Slopes, op.Channels, 1);
        var multipliers = new int[op.Channels];
        var shifts = new int[op.Channels];
        for (int c = 0; c < op.Channels; c++) (multipliers[c], shifts[c]) = QuantizedMultiplier.From((double)qi.Scale * scales[c] / qo.Scale);
        var image = context.Image;
        var p = new int[PReluInt8.ParameterCount];
        p[PReluInt8.Outer] = op.Outer;
        p[PReluInt8.Channels] = op.Channels;
        p[PReluInt8.Inner] = op.Inner;
        p[PReluInt8.InputOffset] = -qi.ZeroPoint;
        (p[PReluInt8.PositiveMultiplier], p[PReluInt8.PositiveShift]) = QuantizedMultiplier.From((double)qi.Scale / qo.Scale);
        p[PReluInt8.AlphaAt] = image.AddWeights(alpha);
        p[PReluInt8.NegativeMultipliersAt] = image.AddInts(multipliers);
        p[PReluInt8.NegativeShiftsAt] = image.AddInts(shifts);
        p[PReluInt8.OutputZeroPoint] = qo.ZeroPoint;
        p[PReluInt8.ActivationMin] = min;
        p[PReluInt8.ActivationMax] = max;
        image.Ops.Add(context.Op(OpCode.PRelu, op, p));
    }
}

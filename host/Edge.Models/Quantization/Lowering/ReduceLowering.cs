using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Reductions: ReduceSum/Mean/Max requantise their accumulator into the output's calibrated
/// quantisation (a mean's 1/n folded into the multiplier); ArgMax writes indices at scale 1,
/// zero point 0, so the dequantised output is the index.
/// </summary>
internal static class ReduceLowering
{
    public static void Reduce(ReduceOp op, LoweringContext context)
    {
        var qi = context.Quantization(op.Inputs[0]);
        context.AddCalibrated(op.Output);
        var qo = context.Quantization(op.Output);
        var (min, max) = LoweringContext.Bounds(op.Activation, qo);
        double real = (double)qi.Scale / qo.Scale / (op.Mode == ReduceMode.Mean ? op.Count : 1);
        var p = new int[ReduceInt8.ParameterCount];
        p[ReduceInt8.Outer] = op.Outer;
        p[ReduceInt8.ReduceCount] = op.Count;
        p[ReduceInt8.Inner] = op.Inner;
        p[ReduceInt8.Mode] = op.Mode == ReduceMode.Max ? ReduceInt8.ModeMax : ReduceInt8.ModeSum;
        p[ReduceInt8.InputOffset] = -qi.ZeroPoint;
        (p[ReduceInt8.Multiplier], p[ReduceInt8.Shift]) = QuantizedMultiplier.From(real);
        p[ReduceInt8.OutputZeroPoint] = qo.ZeroPoint;
        p[ReduceInt8.ActivationMin] = min;
        p[ReduceInt8.ActivationMax] = max;
        context.Image.Ops.Add(context.Op(OpCode.Reduce, op, p));
    }

    public static void ArgMax(ArgMaxOp op, LoweringContext context)
    {
        context.AddCalibrated(op.Output);   // the importer pins it to scale 1, zero point 0
        var p = new int[ArgMaxInt8.ParameterCount];
        p[ArgMaxInt8.Outer] = op.Outer;
        p[ArgMaxInt8.Depth] = op.Depth;
        p[ArgMaxInt8.Inner] = op.Inner;
        p[ArgMaxInt8.SelectLastIndex] = op.SelectLast ? 1 : 0;
        context.Image.Ops.Add(context.Op(OpCode.ArgMax, op, p));
    }
}

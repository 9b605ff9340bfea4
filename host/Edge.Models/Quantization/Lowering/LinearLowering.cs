using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Fully connected and 1-D convolution: symmetric per-output-channel int8 weights in [-127, 127],
/// int32 biases at scale s_in·s_w[c], per-channel multipliers s_in·s_w[c]/s_out (TFLite's
/// quantisation spec). A fully connected op reading a per-feature-quantised input absorbs the
/// feature scales into its weights and the zero points into its bias.
/// </summary>
internal static class LinearLowering
{
    public static void FullyConnected(FullyConnectedOp op, LoweringContext context)
    {
        var input = op.Inputs[0];
        int depth = op.InFeatures, channels = op.OutFeatures;
        var perFeature = context.PerFeature(input);
        var inputQ = context.Quantization(input);
        var weights = (double[])op.Weights.Clone();
        var inputScale = 1.0;
        var zeroPoints = new int[depth];
        if (perFeature is { } pf)
        {
            for (int c = 0; c < channels; c++)
            for (int d = 0; d < depth; d++) weights[c * depth + d] *= pf.Scale[d];
            zeroPoints = pf.ZeroPoint;
        }
        else
        {
            inputScale = inputQ.Scale;
            Array.Fill(zeroPoints, inputQ.ZeroPoint);
        }
        context.AddCalibrated(op.Output);
        var outputQ = context.Quantization(op.Output);
        var (q, scales) = op.Pinned is { } pinned ? (pinned.Q, pinned.Scales) : PerChannel(weights, channels, depth);
        var corrected = op.Pinned is null ? BiasCorrection.FullyConnected(op, q, scales, perFeature?.Scale, context.Ranges.Means(input)) : op.Bias;
        var bias = new int[channels];
        var multipliers = new int[channels];
        var shifts = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            double accumulatorScale = inputScale * scales[c];
            long sum = 0;
            for (int d = 0; d < depth; d++) sum += (long)q[c * depth + d] * zeroPoints[d];
            bias[c] = LoweringContext.ToInt32(Math.Round(corrected[c] / accumulatorScale, MidpointRounding.AwayFromZero) - sum, op, "bias");
            (multipliers[c], shifts[c]) = QuantizedMultiplier.From(accumulatorScale / outputQ.Scale);
        }
        var (min, max) = LoweringContext.Bounds(op.Activation, outputQ);
        var image = context.Image;
        var p = new int[FullyConnectedInt8.ParameterCount];
        p[FullyConnectedInt8.Rows] = op.Rows;
        p[FullyConnectedInt8.InFeatures] = depth;
        p[FullyConnectedInt8.OutFeatures] = channels;
        p[FullyConnectedInt8.WeightsAt] = image.AddWeights(q);
        p[FullyConnectedInt8.BiasAt] = image.AddInts(bias);
        p[FullyConnectedInt8.MultipliersAt] = image.AddInts(multipliers);
        p[FullyConnectedInt8.ShiftsAt] = image.AddInts(shifts);
        p[FullyConnectedInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        p[FullyConnectedInt8.ActivationMin] = min;
        p[FullyConnectedInt8.ActivationMax] = max;
        image.Ops.Add(context.Op(OpCode.FullyConnected, op, p));
    }

    public static void Conv1D(Conv1DOp op, LoweringContext context)
    {
        var inputQ = context.Quantization(op.Inputs[0]);
        context.AddCalibrated(op.Output);
        var outputQ = context.Quantization(op.Output);
        int perChannel = op.InChannels * op.Kernel;
        var (q, scales) = op.Pinned is { } pinned ? (pinned.Q, pinned.Scales) : PerChannel(op.Weights, op.OutChannels, perChannel);
        var corrected = op.Pinned is null ? BiasCorrection.Conv1D(op, q, scales, context.Ranges.Means(op.Inputs[0])) : op.Bias;
        var (bias, multipliers, shifts) = Requantisation(op, corrected, inputQ, scales, outputQ);
        var (min, max) = LoweringContext.Bounds(op.Activation, outputQ);
        var image = context.Image;
        var p = new int[Conv1DInt8.ParameterCount];
        p[Conv1DInt8.InChannels] = op.InChannels;
        p[Conv1DInt8.InLength] = op.InLength;
        p[Conv1DInt8.OutChannels] = op.OutChannels;
        p[Conv1DInt8.OutLength] = op.OutLength;
        p[Conv1DInt8.Kernel] = op.Kernel;
        p[Conv1DInt8.Stride] = op.Stride;
        p[Conv1DInt8.PadBegin] = op.PadBegin;
        p[Conv1DInt8.WeightsAt] = image.AddWeights(q);
        p[Conv1DInt8.BiasAt] = image.AddInts(bias);
        p[Conv1DInt8.MultipliersAt] = image.AddInts(multipliers);
        p[Conv1DInt8.ShiftsAt] = image.AddInts(shifts);
        p[Conv1DInt8.InputOffset] = -inputQ.ZeroPoint;
        p[Conv1DInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        p[Conv1DInt8.ActivationMin] = min;
        p[Conv1DInt8.ActivationMax] = max;
        image.Ops.Add(context.Op(OpCode.Conv1D, op, p));
    }

    /// <summary>Grouped, dilated 2-D convolution (depthwise when groups = channels): TFLM's ConvPerChannel parameters with a group count.</summary>
    public static void Conv2D(Conv2DOp op, LoweringContext context)
    {
        var inputQ = context.Quantization(op.Inputs[0]);
        context.AddCalibrated(op.Output);
        var outputQ = context.Quantization(op.Output);
        var (q, scales) = op.Pinned is { } pinned ? (pinned.Q, pinned.Scales) : PerChannel(op.Weights, op.OutChannels, op.WeightsPerChannel);
        var (bias, multipliers, shifts) = Requantisation(op, op.Bias, inputQ, scales, outputQ);
        var (min, max) = LoweringContext.Bounds(op.Activation, outputQ);
        var image = context.Image;
        var p = new int[Conv2DInt8.ParameterCount];
        p[Conv2DInt8.InChannels] = op.InChannels;
        p[Conv2DInt8.InHeight] = op.Height.In;
        p[Conv2DInt8.InWidth] = op.Width.In;
        p[Conv2DInt8.OutChannels] = op.OutChannels;
        p[Conv2DInt8.OutHeight] = op.Height.Out;
        p[Conv2DInt8.OutWidth] = op.Width.Out;
        p[Conv2DInt8.KernelHeight] = op.Height.Kernel;
        p[Conv2DInt8.KernelWidth] = op.Width.Kernel;
        p[Conv2DInt8.StrideHeight] = op.Height.Stride;
        p[Conv2DInt8.StrideWidth] = op.Width.Stride;
        p[Conv2DInt8.DilationHeight] = op.Height.Dilation;
        p[Conv2DInt8.DilationWidth] = op.Width.Dilation;
        p[Conv2DInt8.PadTop] = op.Height.PadBegin;
        p[Conv2DInt8.PadLeft] = op.Width.PadBegin;
        p[Conv2DInt8.Groups] = op.Groups;
        p[Conv2DInt8.WeightsAt] = image.AddWeights(q);
        p[Conv2DInt8.BiasAt] = image.AddInts(bias);
        p[Conv2DInt8.MultipliersAt] = image.AddInts(multipliers);
        p[Conv2DInt8.ShiftsAt] = image.AddInts(shifts);
        p[Conv2DInt8.InputOffset] = -inputQ.ZeroPoint;
        p[Conv2DInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        p[Conv2DInt8.ActivationMin] = min;
        p[Conv2DInt8.ActivationMax] = max;
        image.Ops.Add(context.Op(OpCode.Conv2D, op, p));
    }

    /// <summary>MatMul of two activations: one multiplier s_a·s_b/s_out (TFLM's BatchMatMul).</summary>
    public static void MatMul(MatMulOp op, LoweringContext context)
    {
        var qa = context.Quantization(op.Inputs[0]);
        var qb = context.Quantization(op.Inputs[1]);
        context.AddCalibrated(op.Output);
        var qo = context.Quantization(op.Output);
        var (min, max) = LoweringContext.Bounds(op.Activation, qo);
        var p = new int[MatMulInt8.ParameterCount];
        p[MatMulInt8.Batches] = op.Batches;
        p[MatMulInt8.Rows] = op.Rows;
        p[MatMulInt8.Depth] = op.Depth;
        p[MatMulInt8.Columns] = op.Columns;
        p[MatMulInt8.Input1Offset] = -qa.ZeroPoint;
        p[MatMulInt8.Input2Offset] = -qb.ZeroPoint;
        (p[MatMulInt8.Multiplier], p[MatMulInt8.Shift]) = QuantizedMultiplier.From((double)qa.Scale * qb.Scale / qo.Scale);
        p[MatMulInt8.OutputZeroPoint] = qo.ZeroPoint;
        p[MatMulInt8.ActivationMin] = min;
        p[MatMulInt8.ActivationMax] = max;
        context.Image.Ops.Add(context.Op(OpCode.MatMul, op, p));
    }

    /// <summary>A convolution's int32 biases at s_in·s_w[o] and its per-channel multipliers s_in·s_w[o]/s_out.</summary>
    private static (int[] Bias, int[] Multipliers, int[] Shifts) Requantisation(LinearOp op, double[] bias, AffineQuantization inputQ, float[] scales, AffineQuantization outputQ)
    {
        var q = new int[op.OutChannels];
        var multipliers = new int[op.OutChannels];
        var shifts = new int[op.OutChannels];
        for (int o = 0; o < op.OutChannels; o++)
        {
            double accumulatorScale = (double)inputQ.Scale * scales[o];
            q[o] = LoweringContext.ToInt32(bias[o] / accumulatorScale, op, "bias");
            (multipliers[o], shifts[o]) = QuantizedMultiplier.From(accumulatorScale / outputQ.Scale);
        }
        return (q, multipliers, shifts);
    }

    /// <summary>Symmetric per-row quantisation: scale[c] = max|w[c,:]|/127 (float32, as TFLite stores it), q = round(w/scale).</summary>
    public static (sbyte[] Q, float[] Scales) PerChannel(double[] weights, int rows, int columns)
    {
        var q = new sbyte[weights.Length];
        var scales = new float[rows];
        for (int c = 0; c < rows; c++)
        {
            double max = 0;
            for (int d = 0; d < columns; d++) max = Math.Max(max, Math.Abs(weights[c * columns + d]));
            scales[c] = max > 0 ? (float)(max / 127) : 1f;
            for (int d = 0; d < columns; d++)
                q[c * columns + d] = (sbyte)Math.Clamp(Math.Round(weights[c * columns + d] / scales[c], MidpointRounding.AwayFromZero), -127, 127);
        }
        return (q, scales);
    }
}

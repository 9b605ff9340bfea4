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
        var (q, scales) = PerChannel(weights, channels, depth);
        var corrected = BiasCorrection.FullyConnected(op, q, scales, perFeature?.Scale, context.Ranges.Means(input));
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
        var (q, scales) = PerChannel(op.Weights, op.OutChannels, perChannel);
        var corrected = BiasCorrection.Conv1D(op, q, scales, context.Ranges.Means(op.Inputs[0]));
        var bias = new int[op.OutChannels];
        var multipliers = new int[op.OutChannels];
        var shifts = new int[op.OutChannels];
        for (int o = 0; o < op.OutChannels; o++)
        {
            double accumulatorScale = (double)inputQ.Scale * scales[o];
            bias[o] = LoweringContext.ToInt32(corrected[o] / accumulatorScale, op, "bias");
            (multipliers[o], shifts[o]) = QuantizedMultiplier.From(accumulatorScale / outputQ.Scale);
        }
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

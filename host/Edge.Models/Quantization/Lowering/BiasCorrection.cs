using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Bias correction (Nagel et al., "Data-Free Quantization Through Weight Equalization and Bias
/// Correction", 2019): rounding a channel's weights adds an error Σ_d δw[d]·x[d] whose mean
/// over the data, Σ_d δw[d]·E[x[d]], is the same on every row, a systematic offset that
/// ReLU and pooling do not average away. Subtracting it from the bias, with E[x] from the
/// calibration rows, removes it.
/// </summary>
internal static class BiasCorrection
{
    /// <param name="featureScales">per-feature input scales folded into the weights, or null</param>
    public static double[] FullyConnected(FullyConnectedOp op, sbyte[] q, float[] scales, double[]? featureScales, double[] inputMeans)
    {
        int depth = op.InFeatures;
        var bias = (double[])op.Bias.Clone();
        for (int c = 0; c < op.OutFeatures; c++)
        {
            double error = 0;
            for (int r = 0; r < op.Rows; r++)
            for (int d = 0; d < depth; d++)
            {
                // The quantised weight stands for q·s_w in the folded-scale domain: divide the feature scale back out.
                double quantised = q[c * depth + d] * (double)scales[c] / (featureScales?[d] ?? 1);
                error += (quantised - op.Weights[c * depth + d]) * inputMeans[r * depth + d];
            }
            bias[c] -= error / op.Rows;
        }
        return bias;
    }

    /// <summary>For a convolution the offset varies along the output; the bias takes its mean over output positions.</summary>
    public static double[] Conv1D(Conv1DOp op, sbyte[] q, float[] scales, double[] inputMeans)
    {
        var bias = (double[])op.Bias.Clone();
        int perChannel = op.InChannels * op.Kernel;
        for (int o = 0; o < op.OutChannels; o++)
        {
            double error = 0;
            for (int t = 0; t < op.OutLength; t++)
            for (int i = 0; i < op.InChannels; i++)
            for (int k = 0; k < op.Kernel; k++)
            {
                int at = t * op.Stride - op.PadBegin + k;
                if (at < 0 || at >= op.InLength) continue;
                int w = o * perChannel + i * op.Kernel + k;
                error += (q[w] * (double)scales[o] - op.Weights[w]) * inputMeans[i * op.InLength + at];
            }
            bias[o] -= error / op.OutLength;
        }
        return bias;
    }
}

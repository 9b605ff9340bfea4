using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Graph;
using Edge.Models.Verification;

namespace Edge.Models.Quantization;

/// <summary>
/// Empirical bias correction (as in Qualcomm AIMET): for each Gemm/Conv in order, the graph up
/// to that op is quantised and run on the device engine over calibration rows, and the mean
/// error of each output channel, measured where the float value lies inside the clamp (so ReLU's
/// cut does not count), is subtracted from that channel's bias. Later layers are then measured
/// with the earlier corrections in place, always against the uncorrected float graph. Ops of a
/// pre-quantised model are left alone. This removes the offsets rounding introduces before
/// max-pooling and ReLU, which the analytic correction in the lowering cannot see.
/// </summary>
public static class EmpiricalBiasCorrection
{
    public const int MaxRows = 1000;

    public static void Apply(ModelGraph graph, TensorRanges ranges, IReadOnlyList<float[]> rows, Calibration calibration)
    {
        var sample = rows.Take(MaxRows).ToList();
        // The reference is the original float graph: corrections change the float biases too.
        var original = sample.Select(row => graph.Execute(row)).ToList();
        for (int k = 0; k < graph.Ops.Count; k++)
        {
            var (bias, channels, length, activation) = graph.Ops[k] switch
            {
                FullyConnectedOp fc => (fc.Bias, fc.OutFeatures, 1, fc.Activation),
                Conv1DOp conv => (conv.Bias, conv.OutChannels, conv.OutLength, conv.Activation),
                _ => (null, 0, 0, Activation.None),
            };
            var op = graph.Ops[k];
            // A pre-quantised model's own weights, biases and scales are what its quantiser chose: kept as they are.
            if (bias is null || op is LinearOp { Pinned: not null } || op.Output.Pinned is not null) continue;
            var prefix = new ModelGraph(graph.Inputs, graph.Ops.Take(k + 1).ToList(), [(op.Output.Name, op.Output)], []);
            var image = Quantizer.Quantize(prefix, ranges, calibration);
            var engine = new DeviceEngine(ModelReader.Read(EdgeModelWriter.Write(image)));
            var step = image.Tensors[image.Outputs[0]].Scale;
            var sums = new double[channels];
            var counts = new int[channels];
            for (int r = 0; r < sample.Count; r++)
            {
                var expected = original[r][op.Output];
                var actual = engine.Run(sample[r]);
                for (int i = 0; i < expected.Length; i++)
                {
                    if (expected[i] <= activation.Min + step || expected[i] >= activation.Max - step) continue;
                    int channel = op is Conv1DOp ? i / length : i % channels;
                    sums[channel] += actual[i] - expected[i];
                    counts[channel]++;
                }
            }
            for (int c = 0; c < channels; c++)
                if (counts[c] > 0) bias[c] -= sums[c] / counts[c];
        }
    }
}

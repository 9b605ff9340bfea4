using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class PoolingInt8Tests
{
    private static int[] Parameters(int count, int channels, int length, int outLength, int kernel, int stride, int pad, bool average)
    {
        var p = new int[count];
        // Both kernels share the first six parameter positions (channels, lengths, kernel, stride, padding).
        p[MaxPool1DInt8.Channels] = channels;
        p[MaxPool1DInt8.InLength] = length;
        p[MaxPool1DInt8.OutLength] = outLength;
        p[MaxPool1DInt8.Kernel] = kernel;
        p[MaxPool1DInt8.Stride] = stride;
        p[MaxPool1DInt8.PadBegin] = pad;
        if (average)
        {
            p[AveragePool1DInt8.ActivationMin] = -128;
            p[AveragePool1DInt8.ActivationMax] = 127;
        }
        else
        {
            p[MaxPool1DInt8.ActivationMin] = -128;
            p[MaxPool1DInt8.ActivationMax] = 127;
        }
        return p;
    }

    /// <summary>channels, length, out length, kernel, stride, padding: a global max pool; kernel 3, stride 3, padding 1.</summary>
    public static IEnumerable<object[]> MaxShapes => Implementations.Each([3, 35, 1, 35, 1, 0], [2, 10, 4, 3, 3, 1]);

    [TestMethod]
    [DynamicData(nameof(MaxShapes))]
    public void MaxPoolTakesTheLargestValueInsideEachWindow(int channels, int length, int outLength, int kernel, int stride, int pad, string implementation)
    {
        var input = new KernelCase(length).Int8(channels * length);
        var arena = KernelCase.Arena(input, channels * outLength, out int output);
        Implementations.Of(implementation).MaxPool1DInt8(Parameters(MaxPool1DInt8.ParameterCount, channels, length, outLength, kernel, stride, pad, false), arena, 0, output);
        for (int ch = 0; ch < channels; ch++)
        for (int t = 0; t < outLength; t++)
        {
            var window = Enumerable.Range(t * stride - pad, kernel).Where(i => i >= 0 && i < length).Select(i => input[ch * length + i]);
            Assert.AreEqual(window.Max(), arena[output + ch * outLength + t]);
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void AveragePoolRoundsHalfAwayFromZeroOverRealElements(string implementation)
    {
        // Windows chosen so that averages land on .5 both above and below zero.
        sbyte[] input = [1, 2, -1, -2, 3, 4, 5, 6, -128, 127];
        var arena = KernelCase.Arena(input, 5, out int output);
        Implementations.Of(implementation).AveragePool1DInt8(Parameters(AveragePool1DInt8.ParameterCount, 1, 10, 5, 2, 2, 0, true), arena, 0, output);
        // 1.5 -> 2, -1.5 -> -2, 3.5 -> 4, 5.5 -> 6, -0.5 -> -1
        CollectionAssert.AreEqual(new sbyte[] { 2, -2, 4, 6, -1 }, arena[output..]);
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void GlobalAveragePoolMatchesRoundedMean(string implementation)
    {
        var input = new KernelCase(11).Int8(4 * 50);
        var arena = KernelCase.Arena(input, 4, out int output);
        Implementations.Of(implementation).AveragePool1DInt8(Parameters(AveragePool1DInt8.ParameterCount, 4, 50, 1, 50, 1, 0, true), arena, 0, output);
        for (int ch = 0; ch < 4; ch++)
        {
            double mean = input.Skip(ch * 50).Take(50).Average(v => (double)v);
            Assert.AreEqual((int)Math.Round(mean, MidpointRounding.AwayFromZero), arena[output + ch]);
        }
    }

    /// <summary>
    /// channels, length, kernel, stride, padding at both ends, count-include-pad, activation bounds:
    /// windows clipped at both edges, strides past the kernel, odd and even counts, a fused clamp.
    /// </summary>
    public static IEnumerable<object[]> EdgeShapes => Implementations.Each(
        [2, 11, 4, 2, 2, 0, -128, 127],     // padded windows hold 2, 3 or 4 real elements
        [3, 9, 3, 1, 1, 0, -20, 35],        // same padding, a fused clamp
        [1, 13, 2, 3, 1, 0, -128, 127],     // stride past the kernel
        [2, 10, 5, 5, 0, 1, -128, 127],     // count-include-pad without padding
        [2, 8, 3, 2, 2, 1, -128, 127],      // count-include-pad with padding (zero point 0): padding counts as zeros
        [4, 7, 7, 1, 0, 0, 0, 127]);        // global, ReLU

    private static int OutLength(int length, int kernel, int stride, int pad) => (length + 2 * pad - kernel) / stride + 1;

    private static IEnumerable<int> RealTaps(int t, int length, int kernel, int stride, int pad) =>
        Enumerable.Range(t * stride - pad, kernel).Where(i => i >= 0 && i < length);

    [TestMethod]
    [DynamicData(nameof(EdgeShapes))]
    public void AveragePoolIsTheRoundedOnnxMeanAtTheEdges(int channels, int length, int kernel, int stride, int pad, int includePad, int min, int max, string implementation)
    {
        int outLength = OutLength(length, kernel, stride, pad);
        var input = new KernelCase(length * 7 + kernel).Int8(channels * length);
        var arena = KernelCase.Arena(input, channels * outLength, out int output);
        var p = Parameters(AveragePool1DInt8.ParameterCount, channels, length, outLength, kernel, stride, pad, true);
        p[AveragePool1DInt8.CountIncludePad] = includePad;
        p[AveragePool1DInt8.ActivationMin] = min;
        p[AveragePool1DInt8.ActivationMax] = max;
        Implementations.Of(implementation).AveragePool1DInt8(p, arena, 0, output);
        for (int ch = 0; ch < channels; ch++)
        for (int t = 0; t < outLength; t++)
        {
            var taps = RealTaps(t, length, kernel, stride, pad).ToList();
            // ONNX AveragePool: the sum over real elements, divided by their number or (count_include_pad) the kernel size; ties away from zero.
            decimal mean = taps.Sum(i => (decimal)input[ch * length + i]) / (includePad == 1 ? kernel : taps.Count);
            int expected = Math.Clamp((int)Math.Round(mean, MidpointRounding.AwayFromZero), min, max);
            Assert.AreEqual(expected, arena[output + ch * outLength + t], $"channel {ch} window {t} ({taps.Count} real taps)");
        }
    }

    [TestMethod]
    [DynamicData(nameof(EdgeShapes))]
    public void MaxPoolIgnoresPaddingAndAppliesTheFusedClamp(int channels, int length, int kernel, int stride, int pad, int includePad, int min, int max, string implementation)
    {
        _ = includePad;   // an average-pool flag: max pooling never counts padding
        int outLength = OutLength(length, kernel, stride, pad);
        // Only negative values: a padding tap taken as 0 (or -128 read from outside the row) would show.
        var input = new KernelCase(length * 5 + kernel).Int8(channels * length, -127, -1);
        var arena = KernelCase.Arena(input, channels * outLength, out int output);
        var p = Parameters(MaxPool1DInt8.ParameterCount, channels, length, outLength, kernel, stride, pad, false);
        p[MaxPool1DInt8.ActivationMin] = min;
        p[MaxPool1DInt8.ActivationMax] = max;
        Implementations.Of(implementation).MaxPool1DInt8(p, arena, 0, output);
        for (int ch = 0; ch < channels; ch++)
        for (int t = 0; t < outLength; t++)
        {
            int expected = Math.Clamp(RealTaps(t, length, kernel, stride, pad).Max(i => (int)input[ch * length + i]), min, max);
            Assert.AreEqual(expected, arena[output + ch * outLength + t], $"channel {ch} window {t}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void AverageTiesOfFourGoAwayFromZero(string implementation)
    {
        // Windows of four summing to 6, -6, 2, -2, 0: 1.5 -> 2, -1.5 -> -2, 0.5 -> 1, -0.5 -> -1, 0 -> 0.
        sbyte[] input = [1, 2, 3, 0, -1, -2, -3, 0, 2, 0, 0, 0, -2, 0, 0, 0, 5, -5, 3, -3];
        var arena = KernelCase.Arena(input, 5, out int output);
        Implementations.Of(implementation).AveragePool1DInt8(Parameters(AveragePool1DInt8.ParameterCount, 1, 20, 5, 4, 4, 0, true), arena, 0, output);
        CollectionAssert.AreEqual(new sbyte[] { 2, -2, 1, -1, 0 }, arena[output..]);
    }
}

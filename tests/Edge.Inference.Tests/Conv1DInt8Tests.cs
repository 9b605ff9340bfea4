using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class Conv1DInt8Tests
{
    /// <summary>in channels, length, out channels, kernel, stride, padding at the start and at the end.</summary>
    public static IEnumerable<object[]> Shapes => Implementations.Each(
        [1, 256, 4, 25, 3, 0, 0],     // like flux_cnn1d's first layer
        [16, 78, 16, 9, 2, 0, 0],     // like flux_cnn1d's second layer
        [3, 20, 5, 5, 2, 2, 2],       // stride 2, padding 2 at both ends
        [2, 7, 3, 3, 1, 1, 1],        // same padding
        [4, 33, 17, 6, 1, 5, 4]);     // channels past two blocks of eight, padding almost the kernel

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void MatchesTflmFormulaWithPaddingContributingZero(int inChannels, int length, int outChannels, int kernel, int stride, int padBegin, int padEnd, string implementation) =>
        CheckAgainstTflmFormula(inChannels, length, outChannels, kernel, stride, padBegin, padEnd, 13, -5, -128, 127, implementation);

    /// <summary>
    /// in channels, length, out channels, kernel, stride, padding at the start and at the end, input
    /// and output zero points, activation bounds: the extreme zero points (an input offset of 128),
    /// a fused clamp, kernels clipped at both ends of a short input, kernel 1, a kernel as long as the
    /// input, strides past the kernel, and tap counts of 1, 2 and 3 (below one group of four).
    /// </summary>
    public static IEnumerable<object[]> Edges => Implementations.Each(
        [2, 3, 3, 5, 1, 2, 2, -128, 127, -128, 127],   // every window clipped, some at both ends
        [3, 11, 2, 1, 2, 0, 0, 127, -128, -60, 90],    // kernel 1, stride 2, fused clamp
        [1, 9, 4, 9, 1, 0, 0, -128, 0, 0, 127],        // one window over the whole input, ReLU
        [1, 14, 3, 2, 4, 1, 1, -1, 3, -128, 127],      // stride past the kernel
        [1, 6, 2, 3, 1, 2, 2, 5, -7, -128, 127]);      // 1, 2 and 3 real taps at the edges

    [TestMethod]
    [DynamicData(nameof(Edges))]
    public void MatchesTflmFormulaAtTheEdges(int inChannels, int length, int outChannels, int kernel, int stride, int padBegin, int padEnd,
        int inputZero, int outputZero, int min, int max, string implementation) =>
        CheckAgainstTflmFormula(inChannels, length, outChannels, kernel, stride, padBegin, padEnd, inputZero, outputZero, min, max, implementation);

    private static void CheckAgainstTflmFormula(int inChannels, int length, int outChannels, int kernel, int stride, int padBegin, int padEnd,
        int inputZero, int outputZero, int min, int max, string implementation)
    {
        var c = new KernelCase(inChannels * 100 + kernel);
        int outLength = (length + padBegin + padEnd - kernel) / stride + 1;
        var input = c.Int8(inChannels * length);
        var weights = c.Int8(outChannels * inChannels * kernel, -127, 127);
        var bias = c.Ints(outChannels, -3000, 3000);
        var multipliers = Enumerable.Range(0, outChannels).Select(_ => TflmOracle.RandomMultiplier(c.Random)).ToArray();
        var shifts = c.Ints(outChannels, -12, -7);
        var ints = bias.Concat(multipliers).Concat(shifts).ToArray();
        var p = new int[Conv1DInt8.ParameterCount];
        p[Conv1DInt8.InChannels] = inChannels;
        p[Conv1DInt8.InLength] = length;
        p[Conv1DInt8.OutChannels] = outChannels;
        p[Conv1DInt8.OutLength] = outLength;
        p[Conv1DInt8.Kernel] = kernel;
        p[Conv1DInt8.Stride] = stride;
        p[Conv1DInt8.PadBegin] = padBegin;
        p[Conv1DInt8.BiasAt] = 0;
        p[Conv1DInt8.MultipliersAt] = outChannels;
        p[Conv1DInt8.ShiftsAt] = 2 * outChannels;
        p[Conv1DInt8.InputOffset] = -inputZero;
        p[Conv1DInt8.OutputZeroPoint] = outputZero;
        p[Conv1DInt8.ActivationMin] = min;
        p[Conv1DInt8.ActivationMax] = max;
        var arena = KernelCase.Arena(input, outChannels * outLength, out int output);

        Implementations.Of(implementation).Conv1DInt8(p, weights, ints, arena, 0, output);

        for (int o = 0; o < outChannels; o++)
        for (int t = 0; t < outLength; t++)
        {
            int acc = bias[o];
            for (int i = 0; i < inChannels; i++)
            for (int k = 0; k < kernel; k++)
            {
                int at = t * stride - padBegin + k;
                int real = at < 0 || at >= length ? 0 : input[i * length + at] - inputZero;   // padding is a real zero
                acc += weights[(o * inChannels + i) * kernel + k] * real;
            }
            int expected = TflmOracle.Clamp(TflmOracle.Requantize(acc, multipliers[o], shifts[o]) + outputZero, min, max);
            Assert.AreEqual(expected, arena[output + o * outLength + t], $"channel {o} position {t}");
        }
    }
}

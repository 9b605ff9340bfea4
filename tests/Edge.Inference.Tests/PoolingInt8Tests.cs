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
}

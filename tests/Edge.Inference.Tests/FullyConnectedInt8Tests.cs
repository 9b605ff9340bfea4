using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class FullyConnectedInt8Tests
{
    /// <summary>rows, depth, channels, input zero point, output zero point.</summary>
    public static IEnumerable<object[]> Shapes => Implementations.Each(
        [1, 64, 32, -128, 0],
        [1, 16, 1, 5, -7],
        [3, 9, 4, 0, 100],
        [5, 37, 19, 127, -128],    // rows past a group of four, depth and channels past whole vectors
        [2, 2, 3, -128, 127],      // depths below one group of four: 2, 3 and 1
        [3, 3, 5, 100, -3],
        [1, 1, 2, -1, 0],
        [4, 6, 2, 64, 50]);        // a group of four and two more

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void MatchesTflmPerChannelFormula(int rows, int depth, int channels, int inputZeroPoint, int outputZeroPoint, string implementation)
    {
        var c = new KernelCase(rows * 1000 + depth * 10 + channels);
        var input = c.Int8(rows * depth);
        var weights = c.Int8(depth * channels, -127, 127);
        var bias = c.Ints(channels, -5000, 5000);
        var multipliers = Enumerable.Range(0, channels).Select(_ => TflmOracle.RandomMultiplier(c.Random)).ToArray();
        var shifts = c.Ints(channels, -12, -6);
        // The kernel takes CMSIS-NN's folded bias: bias - zp_in·Σw.
        var folded = Enumerable.Range(0, channels).Select(ch => bias[ch] - inputZeroPoint * weights.Skip(ch * depth).Take(depth).Sum(w => (int)w)).ToArray();
        var ints = folded.Concat(multipliers).Concat(shifts).ToArray();
        var p = new int[FullyConnectedInt8.ParameterCount];
        p[FullyConnectedInt8.Rows] = rows;
        p[FullyConnectedInt8.InFeatures] = depth;
        p[FullyConnectedInt8.OutFeatures] = channels;
        p[FullyConnectedInt8.BiasAt] = 0;
        p[FullyConnectedInt8.MultipliersAt] = channels;
        p[FullyConnectedInt8.ShiftsAt] = 2 * channels;
        p[FullyConnectedInt8.OutputZeroPoint] = outputZeroPoint;
        p[FullyConnectedInt8.ActivationMin] = -100;
        p[FullyConnectedInt8.ActivationMax] = 120;
        var arena = KernelCase.Arena(input, rows * channels, out int output);

        Implementations.Of(implementation).FullyConnectedInt8(p, weights, ints, arena, 0, output);

        for (int r = 0; r < rows; r++)
        for (int ch = 0; ch < channels; ch++)
        {
            // TFLM: acc = Σ w·(x + input_offset) + bias; requantise; + zp_out; clamp.
            int acc = bias[ch];
            for (int d = 0; d < depth; d++) acc += weights[ch * depth + d] * (input[r * depth + d] - inputZeroPoint);
            int expected = TflmOracle.Clamp(TflmOracle.Requantize(acc, multipliers[ch], shifts[ch]) + outputZeroPoint, -100, 120);
            Assert.AreEqual(expected, arena[output + r * channels + ch], $"row {r} channel {ch}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void DequantisedOutputIsWithinOneStepOfTheFloatLayer(string implementation)
    {
        // A float layer quantised by hand: real = s_x(x - zx), w = s_w[c]·q, y = Σ w·x + b.
        var c = new KernelCase(7);
        const int depth = 32, channels = 8;
        const double inputScale = 0.02, outputScale = 0.05;
        const int inputZero = -20, outputZero = 10;
        var x = c.Int8(depth);
        var q = c.Int8(depth * channels, -127, 127);
        var weightScales = Enumerable.Range(0, channels).Select(_ => 0.001 + c.Random.NextDouble() * 0.01).ToArray();
        var realBias = Enumerable.Range(0, channels).Select(_ => c.Random.NextDouble() - 0.5).ToArray();
        var ints = new int[3 * channels];
        for (int ch = 0; ch < channels; ch++)
        {
            int bias = (int)Math.Round(realBias[ch] / (inputScale * weightScales[ch]));
            ints[ch] = bias - inputZero * q.Skip(ch * depth).Take(depth).Sum(w => (int)w);
            (ints[channels + ch], ints[2 * channels + ch]) = Multiplier(inputScale * weightScales[ch] / outputScale);
        }
        var p = new int[FullyConnectedInt8.ParameterCount];
        p[FullyConnectedInt8.Rows] = 1;
        p[FullyConnectedInt8.InFeatures] = depth;
        p[FullyConnectedInt8.OutFeatures] = channels;
        p[FullyConnectedInt8.MultipliersAt] = channels;
        p[FullyConnectedInt8.ShiftsAt] = 2 * channels;
        p[FullyConnectedInt8.OutputZeroPoint] = outputZero;
        p[FullyConnectedInt8.ActivationMin] = -128;
        p[FullyConnectedInt8.ActivationMax] = 127;
        var arena = KernelCase.Arena(x, channels, out int output);
        Implementations.Of(implementation).FullyConnectedInt8(p, q, ints, arena, 0, output);
        for (int ch = 0; ch < channels; ch++)
        {
            double y = realBias[ch];
            for (int d = 0; d < depth; d++) y += weightScales[ch] * q[ch * depth + d] * inputScale * (x[d] - inputZero);
            double expected = Math.Clamp(y / outputScale + outputZero, -128, 127);
            // Bias rounding (half a bias step) plus two roundings of the requantisation.
            Assert.IsLessThanOrEqualTo(1.01, Math.Abs(arena[output + ch] - expected), $"channel {ch}: {arena[output + ch]} vs {expected:F3}");
        }
    }

    /// <summary>frexp-based (M, shift) for a multiplier below 1, as TFLM's QuantizeMultiplier.</summary>
    public static (int, int) Multiplier(double real)
    {
        int shift = Math.ILogB(real) + 1;
        long m = (long)Math.Round(Math.ScaleB(real, -shift) * (1L << 31), MidpointRounding.AwayFromZero);
        if (m == 1L << 31) { m /= 2; shift++; }
        return ((int)m, shift);
    }
}

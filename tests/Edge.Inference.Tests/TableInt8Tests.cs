using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class TableInt8Tests
{
    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void LookupTableMapsEveryInt8ValueThroughItsEntry(string implementation)
    {
        // A sigmoid table as TFLite quantises it: input scale 1/16, output 1/256 at -128.
        var table = Enumerable.Range(-128, 256).Select(q => (sbyte)Math.Clamp(Math.Round(256 / (1 + Math.Exp(-q / 16.0)), MidpointRounding.AwayFromZero) - 128, -128, 127)).ToArray();
        var weights = new sbyte[10].Concat(table).ToArray();
        var input = Enumerable.Range(-128, 256).Select(v => (sbyte)v).ToArray();
        var arena = KernelCase.Arena(input, 256, out int output);
        Implementations.Of(implementation).LookupTableInt8([256, 10], weights, arena, 0, output);
        for (int i = 0; i < 256; i++)
        {
            double sigmoid = 1 / (1 + Math.Exp(-(i - 128) / 16.0));
            Assert.IsLessThanOrEqualTo(0.5 / 256 + 1e-12, Math.Abs((arena[output + i] + 128) / 256.0 - Math.Min(sigmoid, 127.0 / 256 + 0.5)), $"input {i - 128}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Implementations.All), typeof(Implementations))]
    public void SoftmaxIsWithinOneStepOfTheFloatSoftmax(string implementation)
    {
        var c = new KernelCase(9);
        const double inputScale = 0.1;
        const int rows = 20, depth = 10;
        var input = c.Int8(rows * depth);
        var exp = Enumerable.Range(0, 256).Select(d => (int)Math.Round(Math.Exp(-d * inputScale) * (1 << 15), MidpointRounding.AwayFromZero)).ToArray();
        var arena = KernelCase.Arena(input, rows * depth, out int output);
        Implementations.Of(implementation).SoftmaxInt8([rows, depth, 0], exp, arena, 0, output);
        for (int r = 0; r < rows; r++)
        {
            var x = input.Skip(r * depth).Take(depth).Select(v => v * inputScale).ToArray();
            double max = x.Max(), sum = x.Sum(v => Math.Exp(v - max));
            for (int i = 0; i < depth; i++)
            {
                double expected = Math.Exp(x[i] - max) / sum * 256 - 128;
                Assert.IsLessThanOrEqualTo(1.0, Math.Abs(arena[output + r * depth + i] - Math.Min(expected, 127)), $"row {r} element {i}");
            }
        }
    }
}

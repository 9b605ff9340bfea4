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

    /// <summary>
    /// TFLM's int8 softmax output, worked exactly: out = round(256·e/Σe) - 128 with e from the
    /// kernel's Q15 exp table, the quotient rounded half up in decimal (exact for these sizes),
    /// clamped to 127. Rows chosen for the edges: one element (256 - 128 clamps to 127), two equal
    /// elements (exactly 0), 512 equal elements (256/512 = 1/2: the tie rounds up to -127), the
    /// full spread of int8 (table entry 255), and a steep table whose entries reach 0.
    /// </summary>
    public static IEnumerable<object[]> SoftmaxEdges => Implementations.Each(
        [1, 1, 0.1],      // one element
        [4, 2, 0.1],      // two equal elements
        [3, 7, 0.1],      // odd depth
        [1, 512, 0.1],    // ties
        [5, 33, 0.02],    // a shallow table
        [5, 33, 1.5]);    // a steep table, entries down to 0

    [TestMethod]
    [DynamicData(nameof(SoftmaxEdges))]
    public void SoftmaxIsTheExactlyRoundedQuotient(int rows, int depth, double inputScale, string implementation)
    {
        var c = new KernelCase(rows * 100 + depth);
        var input = c.Int8(rows * depth);
        if (depth == 1 || depth == 2 || depth == 512)
        {
            for (int r = 0; r < rows; r++)
            {
                sbyte v = (sbyte)c.Random.Next(-128, 128);
                for (int i = 0; i < depth; i++) input[r * depth + i] = v;   // equal elements
            }
        }
        else
        {
            input[0] = 127;
            input[1] = -128;   // the first row spans the whole int8 range
        }
        var exp = Enumerable.Range(0, 256).Select(d => (int)Math.Round(Math.Exp(-d * inputScale) * (1 << 15), MidpointRounding.AwayFromZero)).ToArray();
        var arena = KernelCase.Arena(input, rows * depth, out int output);
        Implementations.Of(implementation).SoftmaxInt8([rows, depth, 0], exp, arena, 0, output);
        for (int r = 0; r < rows; r++)
        {
            var row = input.Skip(r * depth).Take(depth).Select(v => (int)v).ToArray();
            var e = row.Select(v => exp[row.Max() - v]).ToArray();
            decimal sum = e.Sum();
            for (int i = 0; i < depth; i++)
            {
                int expected = Math.Min((int)Math.Round(256m * e[i] / sum, MidpointRounding.AwayFromZero) - 128, 127);
                Assert.AreEqual(expected, arena[output + r * depth + i], $"row {r} element {i}");
            }
        }
        if (depth == 1) Assert.AreEqual(127, arena[output], "one element: 256 - 128 clamps to 127");
        if (depth == 2) Assert.AreEqual(0, arena[output], "two equal elements: 128 - 128");
        if (depth == 512) Assert.AreEqual(-127, arena[output], "1/2 rounds up");
    }
}

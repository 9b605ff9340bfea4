using Edge.Device.Numerics;
using Edge.Drift.HostKernels;

namespace Edge.Drift.Tests.HostKernels;

/// <summary>The host's column conversion against the board's per-value one (<see cref="FixedPointInput.FromFloat"/>).</summary>
[TestClass]
public sealed class VectorFixedPointTests
{
    [TestMethod]
    [DataRow(true, DisplayName = "8-lane blocks (where the machine has them), then one by one")]
    [DataRow(false, DisplayName = "one by one")]
    public void EveryValueAtEveryShiftConvertsAsOnTheBoard(bool vectors)
    {
        // Every shift a profile can hold (a signed byte), values from 12 decades, halves and
        // near-halves (the rounding), the saturation bounds, NaN, infinities, signed zeros,
        // subnormals, doubles that round to another float; lengths off the 8-lane block.
        var random = new Random(23);
        var values = Special().Concat(Enumerable.Range(0, 3000).Select(_ => Draw(random))).ToArray();
        int compared = 0;
        for (int shift = sbyte.MinValue; shift <= sbyte.MaxValue; shift++)
        {
            foreach (int length in new[] { values.Length, 7, 13 })
            {
                var column = values.AsSpan(0, length);
                const int stride = 3, at = 1;
                var rows = new int[at + length * stride];
                VectorFixedPoint.FromFloat(column, shift, rows, at, stride, vectors);
                for (int r = 0; r < length; r++)
                {
                    int expected = FixedPointInput.FromFloat((float)column[r], shift);
                    if (expected != rows[at + r * stride])
                        Assert.Fail($"shift {shift}, value {column[r]:R}: board {expected}, host {rows[at + r * stride]}");
                    compared++;
                }
                Assert.AreEqual(0, rows[0], "nothing written before the column");
            }
        }
        Assert.IsGreaterThan(700_000, compared);
    }

    private static IEnumerable<double> Special()
    {
        double[] specials =
        [
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, double.Epsilon, -double.Epsilon,
            float.Epsilon, 1e-45, 1.5, 2.5, -1.5, -2.5, 0.5, -0.5, 0.49999997, 0.50000006,
            2147483647.0, 2147483648.0, -2147483647.0, -2147483648.0, 2147483520.0, -2147483520.0, 2147483584.0,
            16777217.0, 16777216.5, 8388608.5, 8388607.5, float.MaxValue, -float.MaxValue, 1e300, -1e300,
        ];
        return specials;
    }

    private static double Draw(Random random)
    {
        double magnitude = Math.Pow(10, random.Next(-8, 5)) * random.NextDouble();
        double value = random.Next(4) switch
        {
            0 => Math.Round(magnitude * 4) / 4,         // quarters: ties after small shifts
            1 => BitConverter.Int64BitsToDouble(random.NextInt64()), // any double bit pattern
            _ => magnitude,
        };
        return random.Next(2) == 0 ? value : -value;
    }
}

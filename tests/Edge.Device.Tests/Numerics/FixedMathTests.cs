using System.Numerics;
using Edge.Device.Numerics;

namespace Edge.Device.Tests.Numerics;

/// <summary>The fixed-point helpers against System.Math and exact BigInteger arithmetic, at the bounds FixedMath states.</summary>
[TestClass]
public sealed class FixedMathTests
{
    private static IEnumerable<ulong> Samples(int seed)
    {
        var random = new Random(seed);
        for (ulong x = 1; x <= 70_000; x++) yield return x;
        for (int bit = 0; bit < 64; bit++)
        {
            ulong p = 1UL << bit;
            yield return p;
            yield return p - 1 == 0 ? 1 : p - 1;
            yield return p + 1;
        }
        yield return ulong.MaxValue;
        for (int i = 0; i < 200_000; i++)
        {
            int bits = random.Next(1, 65);
            ulong v = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 33);
            v >>= 64 - bits;
            yield return v == 0 ? 1 : v;
        }
    }

    [TestMethod]
    public void LnIsWithinOneQ32UnitOfTheNaturalLog()
    {
        double worst = 0;
        ulong worstAt = 0;
        foreach (ulong x in Samples(1))
        {
            // Math.Log of a double: x is rounded to 53 bits, an error far below 2^-32 in ln.
            double expected = Math.Log(x) * 4294967296.0;
            double error = Math.Abs(FixedMath.LnQ32(x) - expected);
            if (error > worst) { worst = error; worstAt = x; }
        }
        Assert.IsTrue(worst <= 1.0, $"worst |LnQ32 - ln*2^32| = {worst} at x = {worstAt}");
        // Tighter, from the method (in Q32 units): the final rounding (1/2), the Taylor tail
        // d^4/4 < 2^-34 (1/4), the Q40 truncations of d, d^2, d^2/2, d^3, d^3/3 and the table's
        // rounding (under 5 Q40 units: 5/256), and k times Ln2Q40's rounding error (0.19 Q40 units,
        // k <= 63: under 12/256). The measured worst over these samples is 0.745.
        Assert.IsTrue(worst <= 0.5 + 0.25 + 17.0 / 256, $"worst |LnQ32 - ln*2^32| = {worst} at x = {worstAt}");
    }

    [TestMethod]
    public void LnOfZeroIsAnErrorNamingTheArgument()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedMath.LnQ32(0));
        Assert.AreEqual("x", e.ParamName);
        StringAssert.Contains(e.Message, "ln(0)");
    }

    [TestMethod]
    public void SqrtIsTheExactFloor()
    {
        foreach (ulong x in Samples(2).Concat(PerfectSquareNeighbours()))
        {
            ulong r = FixedMath.Sqrt(x);
            var big = new BigInteger(x);
            Assert.IsTrue(new BigInteger(r) * r <= big && (new BigInteger(r) + 1) * (r + 1) > big, $"Sqrt({x}) = {r}");
        }
        Assert.AreEqual(0UL, FixedMath.Sqrt(0));
    }

    private static IEnumerable<ulong> PerfectSquareNeighbours()
    {
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            ulong root = (ulong)random.NextInt64(1, uint.MaxValue);
            ulong square = root * root;
            yield return square;
            yield return square - 1;
            yield return square + 1;
        }
        yield return (ulong)uint.MaxValue * uint.MaxValue;
    }

    [TestMethod]
    public void RatioIsExactBelow2Pow33AndTightAbove()
    {
        var random = new Random(4);
        for (int i = 0; i < 100_000; i++)
        {
            long den = random.NextInt64(1, 1L << random.Next(1, 62));
            long num = random.NextInt64(0, Math.Min(den, 1L << 33) + 1);
            long expected = (long)(new BigInteger(num) * (1L << 30) / den);
            Assert.AreEqual(expected, FixedMath.RatioQ30(num, den), $"{num}/{den}");
        }
        for (int i = 0; i < 100_000; i++)
        {
            long den = random.NextInt64(1L << 33, long.MaxValue / 2);
            long num = random.NextInt64(1L << 33, den);
            double expected = (double)(new BigInteger(num) * (1L << 30) / den);
            double error = Math.Abs(FixedMath.RatioQ30(num, den) - expected);
            Assert.IsTrue(error <= 1 + expected * Math.Pow(2, -32), $"{num}/{den}: error {error} units");
        }
    }

    [TestMethod]
    public void RatioAtTheExactPathsLimitAndPastTheRange()
    {
        // 2^33 is the first numerator of the scaled path; (2^33 << 30) would overflow the exact one.
        Assert.AreEqual(1L << 29, FixedMath.RatioQ30(1L << 33, 1L << 34));
        Assert.AreEqual((1L << 33) - 1, FixedMath.RatioQ30((1L << 33) - 1, 1L << 30), "the last exact numerator");
        Assert.AreEqual(FixedMath.OneQ30, FixedMath.RatioQ30(long.MaxValue, long.MaxValue));
        Assert.AreEqual(0L, FixedMath.RatioQ30(0, 7));
        // A quotient past 2^63 units (2^40 / 1 in Q30 is 2^70) saturates instead of wrapping.
        Assert.AreEqual(long.MaxValue, FixedMath.RatioQ30(1L << 40, 1));
        Assert.AreEqual(long.MaxValue, FixedMath.RatioQ30(long.MaxValue, 3));
    }

    [TestMethod]
    [DataRow(1L, 0L)]
    [DataRow(1L, -1L)]
    [DataRow(-1L, 5L)]
    [DataRow(long.MinValue, 5L)]
    public void RatioRefusesANegativeNumeratorOrANonPositiveDenominator(long num, long den)
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedMath.RatioQ30(num, den));
        if (den <= 0) Assert.AreEqual("den", e.ParamName);
    }

    [TestMethod]
    public void LeadingZerosMatchTheRuntime()
    {
        foreach (ulong x in Samples(5).Take(50_000).Append(0UL))
            Assert.AreEqual(BitOperations.LeadingZeroCount(x), FixedMath.LeadingZeroCount(x), $"x = {x}");
    }

    [TestMethod]
    [DataRow(3L << 13, 14, 3L << 15, DisplayName = "exact, wider format")]
    [DataRow(1L << 13, 30, 1L, DisplayName = "half rounds away from zero")]
    [DataRow((1L << 13) - 1, 30, 0L, DisplayName = "below half rounds down")]
    [DataRow(-(1L << 13), 30, -1L, DisplayName = "negative half rounds away from zero")]
    [DataRow(1L << 60, 30, int.MaxValue, DisplayName = "saturates")]
    [DataRow(5L, 16, 5L, DisplayName = "same format")]
    [DataRow(-5L, 14, -20L, DisplayName = "negative, wider format")]
    [DataRow(-(1L << 60), 30, -int.MaxValue, DisplayName = "negative saturates symmetrically")]
    [DataRow(1L << 50, 0, int.MaxValue, DisplayName = "a left shift that would overflow saturates")]
    [DataRow(-(1L << 50), 0, -int.MaxValue, DisplayName = "and on the negative side")]
    [DataRow(long.MaxValue, 0, int.MaxValue, DisplayName = "past the shift's limit")]
    [DataRow(long.MinValue + 1, 0, -int.MaxValue, DisplayName = "below the shift's negative limit")]
    [DataRow(32767L, 0, 32767L << 16, DisplayName = "the largest whole Q16 value")]
    [DataRow(-32767L, 0, -(32767L << 16))]
    [DataRow(3L << 16, 17, (3L << 16) / 2, DisplayName = "one bit narrower")]
    [DataRow((1L << 16) + 1, 17, (1L << 15) + 1, DisplayName = "one bit narrower, half away from zero")]
    public void ToQ16RoundsHalfAwayFromZeroAndSaturates(long value, int fractionBits, long expected) =>
        Assert.AreEqual((int)expected, FixedMath.ToQ16(value, fractionBits));

    [TestMethod]
    public void ConversionFromDoubleRoundsHalfAwayAndSaturates()
    {
        Assert.AreEqual(3, FixedPointInput.FromDouble(2.5 / 1024, 10));
        Assert.AreEqual(-3, FixedPointInput.FromDouble(-2.5 / 1024, 10));
        Assert.AreEqual(2, FixedPointInput.FromDouble(2.49 / 1024, 10));
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromDouble(1e300, 0));
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromDouble(-1e300, 0));
        Assert.AreEqual(12, FixedPointInput.FromDouble(48, -2));
        var random = new Random(6);
        for (int i = 0; i < 10_000; i++)
        {
            float x = (float)(random.NextDouble() * 2 - 1);
            int shift = random.Next(0, 30);
            Assert.AreEqual(FixedPointInput.FromDouble(x, shift), FixedPointInput.FromFloat(x, shift), $"{x} << {shift}");
        }
    }
}

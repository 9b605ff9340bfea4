using Edge.Device.Inference;

namespace Edge.Inference.Tests;

[TestClass]
public sealed class QuantMathTests
{
    [TestMethod]
    public void DoublingHighMulMatchesExactArithmetic()
    {
        var random = new Random(1);
        for (int i = 0; i < 200_000; i++)
        {
            int a = random.Next(int.MinValue, int.MaxValue), b = random.Next(int.MinValue, int.MaxValue);
            Assert.AreEqual(TflmOracle.DoublingHighMul(a, b), QuantMath.SaturatingRoundingDoublingHighMul(a, b), $"a={a} b={b}");
        }
    }

    [TestMethod]
    [DataRow(1 << 30, 1, 1, DisplayName = "a·b = 2^30: exactly half, rounds up")]
    [DataRow(-(1 << 30), 1, 0, DisplayName = "a·b = -2^30: exactly -half, rounds toward +infinity")]
    [DataRow(3 << 29, 2, 2, DisplayName = "a·b = 3·2^30: 1.5 rounds up to 2")]
    [DataRow(-(3 << 29), 2, -1, DisplayName = "a·b = -3·2^30: -1.5 rounds toward +infinity to -1")]
    [DataRow(int.MinValue, int.MinValue, int.MaxValue, DisplayName = "INT32_MIN² saturates")]
    [DataRow(int.MinValue, int.MaxValue, -int.MaxValue, DisplayName = "large negative product")]
    public void DoublingHighMulTiesGoTowardPlusInfinity(int a, int b, int expected)
    {
        Assert.AreEqual(expected, QuantMath.SaturatingRoundingDoublingHighMul(a, b));
        Assert.AreEqual(expected, TflmOracle.DoublingHighMul(a, b));
    }

    [TestMethod]
    [DataRow(5, 1, 3, DisplayName = "2.5 -> 3")]
    [DataRow(-5, 1, -3, DisplayName = "-2.5 -> -3 (away from zero)")]
    [DataRow(3, 1, 2, DisplayName = "1.5 -> 2")]
    [DataRow(-3, 1, -2, DisplayName = "-1.5 -> -2")]
    [DataRow(-7, 2, -2, DisplayName = "-1.75 -> -2")]
    [DataRow(-6, 2, -2, DisplayName = "-6/4 = -1.5 -> -2")]
    [DataRow(-5, 2, -1, DisplayName = "-1.25 -> -1")]
    [DataRow(int.MinValue, 31, -1, DisplayName = "-1.0 exactly")]
    [DataRow(int.MaxValue, 31, 1, DisplayName = "just under 1")]
    [DataRow(17, 0, 17, DisplayName = "no shift")]
    public void DivideByPotRoundsHalfAwayFromZero(int x, int exponent, int expected)
    {
        Assert.AreEqual(expected, QuantMath.RoundingDivideByPot(x, exponent));
        Assert.AreEqual(expected, TflmOracle.DivideByPot(x, exponent));
    }

    [TestMethod]
    public void DivideByPotMatchesExactArithmetic()
    {
        var random = new Random(2);
        for (int i = 0; i < 200_000; i++)
        {
            int x = random.Next(int.MinValue, int.MaxValue), e = random.Next(0, 32);
            Assert.AreEqual(TflmOracle.DivideByPot(x, e), QuantMath.RoundingDivideByPot(x, e), $"x={x} e={e}");
        }
    }

    [TestMethod]
    public void RequantisationMatchesTflmFormulaAndTheRealProductWithinOne()
    {
        var random = new Random(3);
        for (int i = 0; i < 200_000; i++)
        {
            int shift = random.Next(-31, 4);
            int multiplier = TflmOracle.RandomMultiplier(random);
            int x = random.Next(-(1 << 24), 1 << 24) >> Math.Max(shift, 0);   // keep x·2^left in int32, as the converter does
            int actual = QuantMath.MultiplyByQuantizedMultiplier(x, multiplier, shift);
            Assert.AreEqual(TflmOracle.Requantize(x, multiplier, shift), actual, $"x={x} M={multiplier} shift={shift}");
            double real = x * (double)multiplier * Math.Pow(2, shift - 31);
            // Two nearest roundings (at 2^-right, then at 1) stay within one unit of the exact product.
            Assert.IsLessThanOrEqualTo(1.0, Math.Abs(actual - real), $"x={x} M={multiplier} shift={shift}: {actual} vs {real}");
        }
    }
}

using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Device.Tests.Numerics;

/// <summary>
/// The conversions between measured values and the drift sketches' fixed point at their edges:
/// exact powers of two (Math.ScaleB), ties on both sides of zero in float and double, the int32
/// saturation bounds, negative shifts, NaN, and the Q16 statistics' saturated code.
/// </summary>
[TestClass]
public sealed class FixedPointConversionTests
{
    [TestMethod]
    public void PowersOfTwoAreExact()
    {
        for (int e = -1074; e <= 1023; e++)
            Assert.AreEqual(Math.ScaleB(1.0, e), FixedPointInput.PowerOfTwo(e), $"2^{e}");
    }

    [TestMethod]
    [DataRow(0L, 0, 0.0)]
    [DataRow(3L << 10, 10, 3.0)]
    [DataRow(-5L, 1, -2.5)]
    [DataRow(12L, -2, 48.0, DisplayName = "a negative shift multiplies")]
    [DataRow(long.MaxValue, 62, 2.0, DisplayName = "2^63 - 1 rounds to 2^63 in double")]
    public void ToDoubleDividesByThePowerOfTwo(long fixedValue, int shift, double expected) =>
        Assert.AreEqual(expected, FixedPointInput.ToDouble(fixedValue, shift));

    /// <summary>Every half-integer k/2 (|k| &lt;= 400) at several shifts: ties go away from zero in both precisions.</summary>
    [TestMethod]
    public void TiesRoundAwayFromZeroInFloatAndDouble()
    {
        foreach (int shift in new[] { -3, 0, 4, 10, 20 })
        for (int twice = -400; twice <= 400; twice++)
        {
            double real = Math.ScaleB(twice / 2.0, -shift);            // exact in float and double
            int expected = (int)Math.Round(twice / 2.0, MidpointRounding.AwayFromZero);
            Assert.AreEqual(expected, FixedPointInput.FromDouble(real, shift), $"double {twice}/2 at shift {shift}");
            Assert.AreEqual(expected, FixedPointInput.FromFloat((float)real, shift), $"float {twice}/2 at shift {shift}");
        }
    }

    [TestMethod]
    public void NegativeShiftsDivide()
    {
        Assert.AreEqual(12, FixedPointInput.FromFloat(48f, -2));
        Assert.AreEqual(-13, FixedPointInput.FromFloat(-50f, -2), "-12.5 away from zero");
        Assert.AreEqual(13, FixedPointInput.FromDouble(50, -2), "12.5 away from zero");
    }

    /// <summary>
    /// ±(2^31 - 1) is the largest representable magnitude; the float nearest to it is 2^31. Values at
    /// or beyond saturate to ±int.MaxValue, never wrap, and never become the missing code.
    /// </summary>
    [TestMethod]
    public void Int32BoundsSaturateSymmetrically()
    {
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromFloat(1f, 31), "2^31 in float");
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromFloat(-1f, 31), "-2^31 in float");
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromFloat(float.PositiveInfinity, 0));
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromFloat(float.NegativeInfinity, 0));
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromDouble(2147483647.0, 0));
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromDouble(-2147483647.0, 0));
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromDouble(2147483646.5, 0), "the last tie rounds up to the bound");
        Assert.AreEqual(2147483646, FixedPointInput.FromDouble(2147483646.49, 0));
        Assert.AreEqual(-2147483646, FixedPointInput.FromDouble(-2147483646.49, 0));
        Assert.AreEqual(int.MaxValue, FixedPointInput.FromDouble(1.0, 40));
        Assert.AreEqual(-int.MaxValue, FixedPointInput.FromDouble(-1.0, 40));
        Assert.AreEqual(16777216 * 64, FixedPointInput.FromFloat(16777216f, 6), "a large float below the bound is exact");
    }

    [TestMethod]
    public void NaNIsMissingAndNoFiniteValueIs()
    {
        Assert.AreEqual(FixedPointInput.Missing, FixedPointInput.FromFloat(float.NaN, 8));
        Assert.AreEqual(FixedPointInput.Missing, FixedPointInput.FromDouble(double.NaN, 8));
        Assert.AreNotEqual(FixedPointInput.Missing, FixedPointInput.FromDouble(-1e300, 8));
        Assert.AreNotEqual(FixedPointInput.Missing, FixedPointInput.FromFloat(-3e38f, 8));
        Assert.AreEqual(0, FixedPointInput.FromFloat(-0f, 8), "-0 is 0");
    }

    [TestMethod]
    [DataRow(65536, 1.0)]
    [DataRow(-32768, -0.5)]
    [DataRow(1, 1.0 / 65536)]
    [DataRow(int.MaxValue - 1, (int.MaxValue - 1) / 65536.0, DisplayName = "one below the saturated code is a number")]
    [DataRow(-int.MaxValue, -int.MaxValue / 65536.0)]
    public void Q16ValuesAreTheirNumber(int value, double expected) => Assert.AreEqual(expected, Q16.ToDouble(value));

    [TestMethod]
    public void TheSaturatedQ16CodeIsInfinity()
    {
        Assert.AreEqual(double.PositiveInfinity, Q16.ToDouble(DriftReport.Saturated));
        Assert.AreEqual(65536.0, Q16.One);
    }
}

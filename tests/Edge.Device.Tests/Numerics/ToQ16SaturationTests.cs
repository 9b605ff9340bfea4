using Edge.Device.Numerics;

namespace Edge.Device.Tests.Numerics;

/// <summary>
/// ToQ16 at the ends of the long range, as BinnedWasserstein hands it a saturated sum
/// (SaturatingAdd returns long.MaxValue): the documented result is ±int.MaxValue (saturated). The
/// rounding once formed value + half, which wrapped there and gave -int.MaxValue for long.MaxValue
/// (found by the numerics mutation run, 2026-12-05).
/// </summary>
[TestClass]
public sealed class ToQ16SaturationTests
{
    [TestMethod]
    [DataRow(40, DisplayName = "BinnedWasserstein's Q40 sum")]
    [DataRow(30)]
    [DataRow(17)]
    public void TheLargestLongSaturatesToIntMaxValue(int fractionBits) =>
        Assert.AreEqual(int.MaxValue, FixedMath.ToQ16(long.MaxValue, fractionBits));

    [TestMethod]
    [DataRow(40)]
    [DataRow(17)]
    public void TheMostNegativeLongsSaturateToMinusIntMaxValue(int fractionBits)
    {
        Assert.AreEqual(-int.MaxValue, FixedMath.ToQ16(long.MinValue, fractionBits));
        Assert.AreEqual(-int.MaxValue, FixedMath.ToQ16(long.MinValue + 1, fractionBits));
    }

    [TestMethod]
    public void NearTheTopTheRoundingIsStillHalfAwayFromZero()
    {
        // 2^62 + 2^23 (a half at Q24 -> Q16) and one below it, exactly: the values stay within a
        // long and the Q16 result saturates only where the exact quotient passes int.MaxValue.
        const int fractionBits = 24;
        long half = 1L << 7;
        long whole = (long)int.MaxValue << 8;         // exactly int.MaxValue in Q16
        Assert.AreEqual(int.MaxValue, FixedMath.ToQ16(whole, fractionBits));
        Assert.AreEqual(int.MaxValue - 1, FixedMath.ToQ16(whole - (1L << 8), fractionBits));
        Assert.AreEqual(int.MaxValue - 1, FixedMath.ToQ16(whole - (1L << 8) + half - 1, fractionBits), "below the half: down");
        Assert.AreEqual(int.MaxValue, FixedMath.ToQ16(whole - (1L << 8) + half, fractionBits), "the half: away from zero");
        Assert.AreEqual(-(int.MaxValue - 1), FixedMath.ToQ16(-(whole - (1L << 8) + half - 1), fractionBits));
        Assert.AreEqual(-int.MaxValue, FixedMath.ToQ16(-(whole - (1L << 8) + half), fractionBits));
    }
}

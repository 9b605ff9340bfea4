using Edge.Device.Numerics;

namespace Edge.Device.Tests.Numerics;

/// <summary>
/// ToQ16 at the top of the long range, as BinnedWasserstein hands it a saturated sum
/// (SaturatingAdd returns long.MaxValue): the documented result is int.MaxValue (saturated).
/// </summary>
[TestClass]
public sealed class ToQ16SaturationBugTests
{
    [TestMethod]
    [DataRow(40, DisplayName = "BinnedWasserstein's Q40 sum")]
    [DataRow(30)]
    [DataRow(17)]
    public void TheLargestLongSaturatesToIntMaxValue(int fractionBits) =>
        Assert.AreEqual(int.MaxValue, FixedMath.ToQ16(long.MaxValue, fractionBits));
}

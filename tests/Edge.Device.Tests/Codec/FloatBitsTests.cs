using Edge.Device.Codec;

namespace Edge.Device.Tests.Codec;

/// <summary>The board's allocation-free float bit pattern against the runtime's own.</summary>
[TestClass]
public sealed class FloatBitsTests
{
    [TestMethod]
    public void MatchesSingleToInt32BitsEverywhere()
    {
        var special = new[] { 0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, 1e-40f, 1.17549435e-38f, 0.1f };
        foreach (float f in special)
            Assert.AreEqual(BitConverter.SingleToInt32Bits(f), FloatBits.ToInt32(f), $"{f:R}");
        var random = new Random(51);
        for (int i = 0; i < 200_000; i++)
        {
            float f = BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue));
            if (float.IsNaN(f)) continue;
            Assert.AreEqual(BitConverter.SingleToInt32Bits(f), FloatBits.ToInt32(f), $"{f:R}");
        }
        Assert.IsTrue(float.IsNaN(BitConverter.Int32BitsToSingle(FloatBits.ToInt32(float.NaN))));
    }
}

using System.Numerics;
using Edge.Models.Quantization;

namespace Edge.Models.Tests;

/// <summary>
/// (M, shift) for a real multiplier, exactly: M = round(q·2^31) with ties away from zero, where
/// real = q·2^shift, q in [0.5, 1). The reference works on the double's exact binary value (its
/// integer significand and exponent, in big integers), so a rounding slip of one unit in M fails
/// here, where a tolerance of real·2^-31 would let it through.
/// </summary>
[TestClass]
public sealed class QuantizedMultiplierExactTests
{
    private static (int M, int Shift) Exact(double real)
    {
        long bits = BitConverter.DoubleToInt64Bits(real);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long significand = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) exponent = 1; else significand |= 1L << 52;
        // real = significand · 2^(exponent - 1075) exactly. Normalise so real = s · 2^e with s in [2^52, 2^53).
        int e = exponent - 1075;
        while (significand < 1L << 52) { significand <<= 1; e--; }
        int shift = e + 53;                                  // q = s / 2^53 in [0.5, 1)
        // M = q · 2^31 = s / 2^22, rounded half away from zero (s > 0).
        BigInteger s = significand;
        BigInteger m = (s + (BigInteger.One << 21)) >> 22;
        if (m == BigInteger.One << 31) { m >>= 1; shift++; }
        return ((int)m, shift);
    }

    [TestMethod]
    public void RandomMultipliersAreExact()
    {
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            double real = Math.ScaleB(0.5 + random.NextDouble() / 2, random.Next(-29, 30));
            var (m, shift) = Exact(real);
            var actual = QuantizedMultiplier.From(real);
            if (actual != new QuantizedMultiplier(m, shift)) Assert.Fail($"real {real:R}: {actual}, expected ({m}, {shift})");
        }
    }

    [TestMethod]
    public void TiesRoundAwayFromZero()
    {
        // q·2^31 exactly k + 1/2: the significand's 22 dropped bits are 10...0.
        var random = new Random(8);
        for (int i = 0; i < 10_000; i++)
        {
            long k = (1L << 30) + random.NextInt64(1L << 30);       // M before rounding, in [2^30, 2^31)
            int shift = random.Next(-20, 20);
            double real = Math.ScaleB(k + 0.5, shift - 31);
            var actual = QuantizedMultiplier.From(real);
            long expected = k + 1;
            var want = expected == 1L << 31 ? new QuantizedMultiplier(1 << 30, shift + 1) : new QuantizedMultiplier((int)expected, shift);
            Assert.AreEqual(want, actual, $"k {k} + 1/2 at shift {shift}");
            Assert.AreEqual(Exact(real), (actual.Multiplier, actual.Shift));
        }
        // An even k: half to even would keep k.
        Assert.AreEqual(new QuantizedMultiplier((1 << 30) + 3, 1), QuantizedMultiplier.From(Math.ScaleB((1L << 30) + 2.5, -30)));
    }
}

using Edge.Power.Acquisition;

namespace Edge.Power.Tests.Codecs;

[TestClass]
public sealed class BinarySampleCodecTests
{
    [TestMethod]
    public void Decodes_the_documented_example_0x52A0_as_640_9_microamperes()
    {
        // hil-stlink-v3pwr.md §1.7: 0x52A0 → 0x2A0 · 16⁻⁵ A = 640.9 µA.
        Assert.AreEqual(0x2A0 / Math.Pow(16, 5), BinarySampleCodec.Decode(0x52A0), 1e-18);
        Assert.AreEqual(640.9e-6, BinarySampleCodec.Decode(0x52, 0xA0), 0.05e-6);
    }

    [TestMethod]
    public void Encodes_640_9_microamperes_as_0x52A0()
    {
        Assert.AreEqual((ushort)0x52A0, BinarySampleCodec.Encode(0x2A0 / Math.Pow(16, 5)));
    }

    [TestMethod]
    public void Encoded_words_never_use_the_reserved_exponent_and_round_trip_within_1_in_512()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            double amperes = Math.Pow(10, -9 + random.NextDouble() * 8.7); // 1 nA .. 0.5 A
            ushort word = BinarySampleCodec.Encode(amperes);
            Assert.IsLessThan(0xF, word >> 12, $"word 0x{word:X4} for {amperes} A");
            Assert.AreEqual(amperes, BinarySampleCodec.Decode(word), amperes / 512, $"{amperes} A");
        }
    }

    [TestMethod]
    public void Zero_and_negative_currents_encode_as_zero()
    {
        Assert.AreEqual((ushort)0, BinarySampleCodec.Encode(0));
        Assert.AreEqual((ushort)0, BinarySampleCodec.Encode(-1e-3));
    }
}

using System.Text;
using Edge.Power.Acquisition;

namespace Edge.Power.Tests.Codecs;

[TestClass]
public sealed class AsciiSampleCodecTests
{
    [TestMethod]
    [DataRow("6409-07", 640.9e-6)] // the documented example
    [DataRow("3300-03", 3.3)]      // `volt get` answer
    [DataRow("1000+00", 1000.0)]
    [DataRow("0001-09", 1e-9)]
    public void Decodes_mantissa_and_base_ten_exponent(string token, double expected)
    {
        Assert.IsTrue(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes(token), out double amperes));
        Assert.AreEqual(expected, amperes, Math.Abs(expected) * 1e-12);
    }

    [TestMethod]
    [DataRow("6409*07")]
    [DataRow("64a9-07")]
    [DataRow("6409-0")]
    [DataRow("6409-071")]
    [DataRow("")]
    public void Rejects_anything_but_DDDDsEE(string token)
    {
        Assert.IsFalse(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes(token), out _));
    }

    [TestMethod]
    public void Encodes_with_a_four_digit_normalised_mantissa()
    {
        var token = new byte[7];
        AsciiSampleCodec.Encode(640.9e-6, token);
        Assert.AreEqual("6409-07", Encoding.ASCII.GetString(token));
        AsciiSampleCodec.Encode(0.025, token);
        Assert.AreEqual("2500-05", Encoding.ASCII.GetString(token));
        AsciiSampleCodec.Encode(9.99995e-3, token); // rounds up to 10000 → renormalised
        Assert.AreEqual("1000-05", Encoding.ASCII.GetString(token));
    }
}

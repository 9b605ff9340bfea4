using System.Text;
using Edge.Power.Acquisition;
using Edge.Power.Samples;

namespace Edge.Power.Tests.Codecs;

/// <summary>The ends of the sample codecs' ranges and the sampling-rate spellings, against values worked out by hand.</summary>
[TestClass]
public sealed class SampleCodecEdgeTests
{
    [TestMethod]
    public void BinaryWordsAreWrittenBigEndianAndSaturateBeyondTheLargestMantissa()
    {
        var bytes = new byte[2];
        BinarySampleCodec.Write(0x2A0 / Math.Pow(16, 5), bytes);
        CollectionAssert.AreEqual(new byte[] { 0x52, 0xA0 }, bytes);
        Assert.AreEqual((ushort)0x0FFF, BinarySampleCodec.Encode(5000), "4095 A is the most a word holds");
        Assert.AreEqual((ushort)0x0FFF, BinarySampleCodec.Encode(4095));
        Assert.AreEqual((ushort)0xE001, BinarySampleCodec.Encode(Math.Pow(16, -14)), "the smallest step uses the largest exponent, 14");
        Assert.AreEqual(0xFFF * Math.Pow(16, -14), BinarySampleCodec.Decode(0xEFFF), 1e-30);
    }

    [TestMethod]
    [DataRow(0.0, "0000+00")]
    [DataRow(1000.0, "1000+00")]
    [DataRow(12345.0, "1234+01")]
    [DataRow(1e-120, "1000-99")]
    public void AsciiTokensAtTheEndsOfTheRange(double amperes, string expected)
    {
        var token = new byte[7];
        AsciiSampleCodec.Encode(amperes, token);
        Assert.AreEqual(expected, Encoding.ASCII.GetString(token));
    }

    [TestMethod]
    public void AsciiTokensNeedSevenBytes()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => AsciiSampleCodec.Encode(1, new byte[6]));
        StringAssert.Contains(error.Message, "needs 7 bytes");
    }

    [TestMethod]
    public void PositiveExponentsMultiply()
    {
        Assert.IsTrue(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes("1234+02"), out double amperes));
        Assert.AreEqual(123400.0, amperes, 1e-9);
        Assert.IsFalse(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes("1234 02"), out _), "a blank is no sign");
        Assert.IsFalse(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes("1234-0/"), out _), "'/' is just below '0'");
        Assert.IsFalse(AsciiSampleCodec.TryDecode(Encoding.ASCII.GetBytes("123:-02"), out _), "':' is just above '9'");
    }

    [TestMethod]
    [DataRow("100kHz", 100_000)]
    [DataRow(" 1K ", 1_000)]
    [DataRow("500hz", 500)]
    [DataRow("1", 1)]
    public void RatesParseInTheMonitorsSpellings(string text, int hertz)
    {
        Assert.IsTrue(SamplingRate.TryParse(text, out var rate));
        Assert.AreEqual(hertz, rate.Hertz);
        Assert.AreEqual(1.0 / hertz, rate.IntervalSeconds, 1e-15);
    }

    [TestMethod]
    [DataRow(null)]
    [DataRow("  ")]
    [DataRow("k")]
    [DataRow("-1k")]
    [DataRow("3000000k")]
    [DataRow("3")]
    public void OtherRatesAreRefused(string? text) => Assert.IsFalse(SamplingRate.TryParse(text, out _));

    [TestMethod]
    public void RatesPrintAsTheMonitorSpellsThemAndErrorsListTheChoices()
    {
        Assert.AreEqual("100k", SamplingRate.Hz100k.ToProtocolString());
        Assert.AreEqual("1k", SamplingRate.Hz1k.ToProtocolString());
        Assert.AreEqual("500Hz", SamplingRate.FromHertz(500).ToString());
        Assert.AreEqual(16, SamplingRate.Supported.Count);
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => SamplingRate.FromHertz(3));
        StringAssert.Contains(error.Message, "3 Hz is not a sampling rate the monitor accepts; use one of 100k, 50k, 20k, 10k, 5k, 2k, 1k, 500, 200, 100, 50, 20, 10, 5, 2, 1.");
        var parse = Assert.ThrowsExactly<FormatException>(() => SamplingRate.Parse("3"));
        StringAssert.Contains(parse.Message, "'3' is not a sampling rate");
    }
}

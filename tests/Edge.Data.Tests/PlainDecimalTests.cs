using System.Globalization;
using System.Text;
using Edge.Data.Streaming;

namespace Edge.Data.Tests;

/// <summary>
/// The fast path for plain decimals against .NET's own parser: whatever it takes is the same double
/// bit for bit, it takes the shapes logged measurements come in, and it declines what it cannot
/// take exactly (so the general parser decides those).
/// </summary>
[TestClass]
public sealed class PlainDecimalTests
{
    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);

    private static double DotNet(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [TestMethod]
    public void WhatItTakesIsTheCorrectlyRoundedDouble()
    {
        // Digit strings of 1-20 digits (some near 2^53 = 9007199254740992), leading and trailing
        // zeros, the point anywhere, exponents -30..30 in every spelling.
        var random = new Random(5);
        int taken = 0;
        for (int n = 0; n < 200_000; n++)
        {
            var text = new StringBuilder();
            if (random.Next(2) == 0) text.Append('-');
            int digits = random.Next(1, 21);
            string body = random.Next(8) == 0 ? "900719925474099" + random.Next(0, 10000).ToString(CultureInfo.InvariantCulture)
                : string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + (random.Next(4) == 0 ? 0 : random.Next(10)))));
            int point = random.Next(body.Length + 1);
            text.Append(point == 0 || point == body.Length ? body : body[..point] + "." + body[point..]);
            if (random.Next(3) == 0) text.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(random.Next(0, 31));
            string s = text.ToString();
            if (PlainDecimal.TryParse(Encoding.ASCII.GetBytes(s), out double value))
            {
                taken++;
                if (Bits(value) != Bits(DotNet(s))) Assert.Fail($"'{s}': fast path {value:R}, .NET {DotNet(s):R}");
            }
        }
        Assert.IsGreaterThan(80_000, taken, "premise: most of these are in the fast path's range");
    }

    [TestMethod]
    public void LoggedMeasurementsAreAllTaken()
    {
        // The shapes writers produce for sensor values: %g (6 digits), shortest round trip of a
        // float, fixed decimals; values from 1e-9 to 1e6 of either sign.
        var random = new Random(8);
        string[] formats = ["G6", "G9", "R", "F3", "F6", "0.00000#"];
        for (int n = 0; n < 50_000; n++)
        {
            double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 7));
            string format = formats[n % formats.Length];
            string s = format == "R" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString(format, CultureInfo.InvariantCulture);
            Assert.IsTrue(PlainDecimal.TryParse(Encoding.ASCII.GetBytes(s), out double parsed), $"'{s}' was declined");
            Assert.AreEqual(Bits(DotNet(s)), Bits(parsed), s);
        }
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("-")]
    [DataRow("+1")]
    [DataRow(".5")]
    [DataRow("5.")]
    [DataRow("1e")]
    [DataRow("1e+")]
    [DataRow("1e00005")]
    [DataRow("1.5 ")]
    [DataRow(" 1.5")]
    [DataRow("1,5")]
    [DataRow("0x10")]
    [DataRow("NaN")]
    [DataRow("Infinity")]
    [DataRow("1e23")]                  // 10^23 is not a double: not exact by the fast path
    [DataRow("1e-23")]
    [DataRow("9007199254740993")]      // 2^53 + 1: the mantissa is past exact integers
    [DataRow("12345678901234567890")]  // 20 significant digits
    [DataRow("0.1000000000000000055511151231257827021181583404541015625")]
    [DataRow("１")]
    public void WhatItCannotTakeExactlyItDeclines(string text)
    {
        Assert.IsFalse(PlainDecimal.TryParse(Encoding.UTF8.GetBytes(text), out _), text);
    }

    [TestMethod]
    public void SignedZerosKeepTheirSign()
    {
        Assert.IsTrue(PlainDecimal.TryParse("-0.000"u8, out double negative));
        Assert.AreEqual(Bits(-0.0), Bits(negative));
        Assert.IsTrue(PlainDecimal.TryParse("0e300"u8, out double positive));
        Assert.AreEqual(Bits(0.0), Bits(positive));
    }
}

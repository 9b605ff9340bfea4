using Edge.Device.Link;

namespace Edge.Device.Tests.Link;

/// <summary>COBS against the published examples (Cheshire and Baker; the usual reference vectors) and as a round trip.</summary>
[TestClass]
public sealed class CobsTests
{
    private static byte[] Encode(byte[] input)
    {
        var output = new byte[Cobs.MaxEncodedLength(input.Length)];
        int n = Cobs.Encode(input, 0, input.Length, output, 0);
        return output[..n];
    }

    private static byte[]? Decode(byte[] input)
    {
        var output = new byte[input.Length];
        int n = Cobs.Decode(input, 0, input.Length, output, 0);
        return n < 0 ? null : output[..n];
    }

    public static IEnumerable<object[]> Vectors()
    {
        yield return [new byte[] { 0x00 }, new byte[] { 0x01, 0x01 }];
        yield return [new byte[] { 0x00, 0x00 }, new byte[] { 0x01, 0x01, 0x01 }];
        yield return [new byte[] { 0x00, 0x11, 0x00 }, new byte[] { 0x01, 0x02, 0x11, 0x01 }];
        yield return [new byte[] { 0x11, 0x22, 0x00, 0x33 }, new byte[] { 0x03, 0x11, 0x22, 0x02, 0x33 }];
        yield return [new byte[] { 0x11, 0x22, 0x33, 0x44 }, new byte[] { 0x05, 0x11, 0x22, 0x33, 0x44 }];
        yield return [new byte[] { 0x11, 0x00, 0x00, 0x00 }, new byte[] { 0x02, 0x11, 0x01, 0x01, 0x01 }];
        var run254 = Enumerable.Range(1, 254).Select(i => (byte)i).ToArray();
        yield return [run254, new byte[] { 0xFF }.Concat(run254).ToArray()];
        var run255 = Enumerable.Range(1, 255).Select(i => (byte)i).ToArray();
        yield return [run255, new byte[] { 0xFF }.Concat(run255[..254]).Concat(new byte[] { 0x02, 0xFF }).ToArray()];
        var zeroThen254 = new byte[] { 0x00 }.Concat(run254).ToArray();
        yield return [zeroThen254, new byte[] { 0x01, 0xFF }.Concat(run254).ToArray()];
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void EncodesThePublishedVectors(byte[] input, byte[] expected)
    {
        CollectionAssert.AreEqual(expected, Encode(input));
        CollectionAssert.AreEqual(input, Decode(expected));
    }

    [TestMethod]
    public void RoundTripsAndNeverEmitsZero()
    {
        var random = new Random(31);
        for (int trial = 0; trial < 5000; trial++)
        {
            var input = new byte[random.Next(0, 1200)];
            random.NextBytes(input);
            for (int i = 0; i < input.Length; i++) if (random.Next(8) == 0) input[i] = 0;
            var encoded = Encode(input);
            Assert.IsFalse(encoded.Contains((byte)0));
            Assert.IsTrue(encoded.Length <= Cobs.MaxEncodedLength(input.Length));
            CollectionAssert.AreEqual(input, Decode(encoded));
        }
    }

    [TestMethod]
    public void RejectsInvalidInput()
    {
        Assert.IsNull(Decode([0x03, 0x11]), "code points past the end");
        Assert.IsNull(Decode([0x02, 0x00]), "zero inside");
        Assert.IsNull(Decode([0x00]), "zero code");
    }

    [TestMethod]
    public void TheWorstCaseBoundIsReachedByARunWithoutZeros()
    {
        // Below one full block a run of non-zero bytes costs exactly one code byte: the bound is tight there.
        foreach (int n in new[] { 0, 1, 100, 253 })
        {
            var run = Enumerable.Repeat((byte)0x42, n).ToArray();
            Assert.AreEqual(n + 1, Cobs.MaxEncodedLength(n), $"{n} bytes");
            Assert.AreEqual(Cobs.MaxEncodedLength(n), Encode(run).Length, $"{n} bytes");
        }
    }

    [TestMethod]
    public void EncodesAndDecodesAtAnOffsetAndReturnsOnlyTheBytesWritten()
    {
        byte[] input = [0x11, 0x22, 0x00, 0x33];
        byte[] expected = [0x03, 0x11, 0x22, 0x02, 0x33];
        var encoded = new byte[10];
        Assert.AreEqual(5, Cobs.Encode(input, 0, 4, encoded, 3));
        CollectionAssert.AreEqual(expected, encoded[3..8]);
        var decoded = new byte[10];
        Assert.AreEqual(4, Cobs.Decode(encoded, 3, 5, decoded, 6));
        CollectionAssert.AreEqual(input, decoded[6..10]);
    }
}

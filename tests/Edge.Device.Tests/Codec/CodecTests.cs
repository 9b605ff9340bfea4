using System.Buffers.Binary;
using System.Text;
using Edge.Device.Codec;

namespace Edge.Device.Tests.Codec;

[TestClass]
public sealed class CodecTests
{
    [TestMethod]
    public void Crc32MatchesSystemIoHashing()
    {
        Assert.AreEqual(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789"), 0, 9), "published check value");
        var random = new Random(7);
        for (int length = 0; length < 600; length += 7)
        {
            var data = new byte[length + 10];
            random.NextBytes(data);
            uint expected = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(5, length));
            Assert.AreEqual(expected, Crc32.Compute(data, 5, length), $"length {length}");
            uint incremental = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Start(), data, 5, length / 2), data, 5 + length / 2, length - length / 2));
            Assert.AreEqual(expected, incremental, $"incremental, length {length}");
        }
    }

    [TestMethod]
    public void LittleEndianMatchesBinaryPrimitives()
    {
        var random = new Random(8);
        var b = new byte[16];
        for (int i = 0; i < 1000; i++)
        {
            random.NextBytes(b);
            Assert.AreEqual(BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(3)), LittleEndian.ReadUInt16(b, 3));
            Assert.AreEqual(BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(3)), LittleEndian.ReadInt32(b, 3));
            Assert.AreEqual(BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(3)), LittleEndian.ReadInt64(b, 3));
            long v = random.NextInt64(long.MinValue, long.MaxValue);
            LittleEndian.WriteInt64(b, 5, v);
            Assert.AreEqual(v, BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(5)));
            int w = random.Next(int.MinValue, int.MaxValue);
            LittleEndian.WriteInt32(b, 1, w);
            Assert.AreEqual(w, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(1)));
            LittleEndian.WriteUInt16(b, 0, (ushort)w);
            Assert.AreEqual((ushort)w, BinaryPrimitives.ReadUInt16LittleEndian(b));
        }
    }

    [TestMethod]
    public void ByteReaderNamesTheFieldAndOffsetWhenTruncated()
    {
        var reader = new ByteReader(new byte[] { 1, 2, 3, 4, 5 }, 0, 5, "sample.bin");
        Assert.AreEqual(0x04030201, reader.ReadInt32("first"));
        var e = Assert.ThrowsExactly<EdgeFormatException>(() => reader.ReadInt32("second field"));
        StringAssert.Contains(e.Message, "sample.bin");
        StringAssert.Contains(e.Message, "second field");
        StringAssert.Contains(e.Message, "at byte 4");
    }

    [TestMethod]
    public void ByteReaderRejectsNonPrintableNames()
    {
        var reader = new ByteReader(new byte[] { 2, (byte)'o', 0x07 }, 0, 3, "x");
        Assert.ThrowsExactly<EdgeFormatException>(() => reader.ReadShortString("name"));
    }
}

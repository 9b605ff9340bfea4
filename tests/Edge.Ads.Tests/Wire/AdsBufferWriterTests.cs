using System.Buffers;
using Edge.Ads.Framing;

namespace Edge.Ads.Tests.Wire;

/// <summary>The byte buffer every frame is built in: growth keeps every byte, going back is bounded by what was written.</summary>
[TestClass]
public sealed class AdsBufferWriterTests
{
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 3)).ToArray();

    [TestMethod]
    public void GrowingKeepsEveryByteWrittenBefore()
    {
        var writer = new AdsBufferWriter(16);
        var expected = new List<byte>();
        // one byte at a time past the first doubling, then one write larger than twice the buffer
        foreach (byte b in Pattern(40))
        {
            writer.WriteByte(b);
            expected.Add(b);
        }
        var large = Pattern(1000);
        writer.Write(large);
        expected.AddRange(large);
        CollectionAssert.AreEqual(expected, writer.ToArray());
        Assert.AreEqual(1040, writer.Position);
    }

    [TestMethod]
    public void AllocatePastTheCapacityGrowsTheBuffer()
    {
        var writer = new AdsBufferWriter(16);
        writer.WriteUInt32(0x01020304);
        var span = writer.Allocate(100);
        Assert.AreEqual(100, span.Length);
        span.Fill(0xAB);
        Assert.AreEqual(104, writer.Position);
        CollectionAssert.AreEqual(new byte[] { 4, 3, 2, 1 }, writer.ToArray()[..4]);
        Assert.IsTrue(writer.ToArray()[4..].All(b => b == 0xAB));
    }

    [TestMethod]
    public void TheInitialCapacityIsAvailableWithoutGrowing()
    {
        Assert.AreEqual(1000, new AdsBufferWriter(1000).GetSpan().Length);
        Assert.AreEqual(16, new AdsBufferWriter(1).GetSpan().Length, "at least 16 bytes");
    }

    [TestMethod]
    public void AsAnIBufferWriterItTakesWhatWasWrittenIntoItsSpan()
    {
        IBufferWriter<byte> writer = new AdsBufferWriter(16);
        var span = writer.GetSpan(40);
        Assert.IsTrue(span.Length >= 40, $"asked for 40 bytes, got {span.Length}");
        Pattern(40).CopyTo(span);
        writer.Advance(40);
        var memory = writer.GetMemory(3);
        memory.Span[0] = 0x55;
        writer.Advance(1);
        CollectionAssert.AreEqual(Pattern(40).Append((byte)0x55).ToArray(), ((AdsBufferWriter)writer).ToArray());
    }

    [TestMethod]
    public void AdvanceRefusesNegativeCountsAndCountsPastTheBuffer()
    {
        var writer = new AdsBufferWriter(16);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.Advance(-1));
        int capacity = writer.GetSpan().Length;
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.Advance(capacity + 1));
        Assert.AreEqual(0, writer.Position, "a refused advance moves nothing");
        writer.Advance(capacity);
        Assert.AreEqual(capacity, writer.Position, "the whole span may be taken");
    }

    [TestMethod]
    public void AdvancingByZeroIsAllowedAndMovesNothing()
    {
        // IBufferWriter<T>.Advance(0) is legal (a serializer that wrote nothing into the span it asked for).
        var writer = new AdsBufferWriter(16);
        writer.WriteByte(0x42);
        writer.Advance(0);
        Assert.AreEqual(1, writer.Position);
        CollectionAssert.AreEqual(new byte[] { 0x42 }, writer.ToArray());
    }

    [TestMethod]
    public void TruncateDropsTheTailButCannotGoForward()
    {
        var writer = new AdsBufferWriter();
        writer.Write([1, 2, 3, 4, 5]);
        writer.Truncate(5);
        Assert.AreEqual(5, writer.Position, "truncating to the end keeps everything");
        writer.Truncate(2);
        CollectionAssert.AreEqual(new byte[] { 1, 2 }, writer.ToArray());
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.Truncate(3));
        StringAssert.Contains(error.Message, "cannot truncate to 3: only 2 bytes written");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.Truncate(-1));
    }

    [TestMethod]
    public void PatchesOverwriteOnlyBytesAlreadyWritten()
    {
        var writer = new AdsBufferWriter();
        writer.WriteZeros(6);
        writer.PatchUInt32(2, 0xAABBCCDD);
        writer.PatchUInt16(0, 0x1122);
        CollectionAssert.AreEqual(new byte[] { 0x22, 0x11, 0xDD, 0xCC, 0xBB, 0xAA }, writer.ToArray());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.PatchUInt32(3, 0), "would run past the 6 bytes written");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.PatchUInt32(-1, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.PatchUInt16(5, 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => writer.PatchUInt16(-1, 0));
        writer.PatchUInt16(4, 0x3344);
        CollectionAssert.AreEqual(new byte[] { 0x22, 0x11, 0xDD, 0xCC, 0x44, 0x33 }, writer.ToArray(), "the last two bytes may be patched");
    }
}

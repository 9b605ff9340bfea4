using Edge.Device.Drift;

namespace Edge.Device.Tests.Drift;

[TestClass]
public sealed class CaptureBufferTests
{
    private static int[] Row(int v) => new[] { v, -v };

    [TestMethod]
    public void KeepsTheMostRecentRowsInOrder()
    {
        var capture = new CaptureBuffer(4, 2);
        capture.Offer(Row(1), 0, 1, false);
        Assert.AreEqual(0, capture.Count, "idle buffers do not record");
        capture.Arm();
        for (int i = 10; i < 17; i++) capture.Offer(Row(i), 0, i, i % 2 == 0);
        Assert.AreEqual(4, capture.Count);
        var row = new int[2];
        for (int i = 0; i < 4; i++)
        {
            long sequence = capture.CopyRow(i, row, 0, out bool anomalous);
            Assert.AreEqual(13 + i, sequence);
            CollectionAssert.AreEqual(Row(13 + i), row);
            Assert.AreEqual((13 + i) % 2 == 0, anomalous);
        }
    }

    [TestMethod]
    public void FrozenBufferKeepsItsRowsUntilReleased()
    {
        var capture = new CaptureBuffer(3, 2);
        capture.Arm();
        capture.Offer(Row(1), 0, 1, false);
        capture.Offer(Row(2), 0, 2, false);
        capture.Freeze(7);
        capture.Offer(Row(3), 0, 3, false);
        capture.Disarm();
        Assert.AreEqual(CaptureState.Frozen, capture.State);
        Assert.AreEqual(2, capture.Count);
        Assert.AreEqual(7, capture.FrozenAtWindow);
        capture.Release();
        Assert.AreEqual(CaptureState.Idle, capture.State);
        Assert.AreEqual(0, capture.Count);
    }

    [TestMethod]
    public void DisarmingDropsWhatWasKept()
    {
        var capture = new CaptureBuffer(3, 2);
        capture.Arm();
        capture.Offer(Row(1), 0, 1, false);
        capture.Disarm();
        Assert.AreEqual(0, capture.Count);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => capture.CopyRow(0, new int[2], 0, out _));
    }
}

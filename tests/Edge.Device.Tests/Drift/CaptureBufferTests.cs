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

    [TestMethod]
    public void RowsAreTakenAndGivenAtTheirOffsets()
    {
        var capture = new CaptureBuffer(2, 2);
        capture.Arm();
        capture.Offer([9, 9, 5, -5, 9], 2, 40, true);
        var destination = new int[] { 7, 7, 7, 7 };
        Assert.AreEqual(40, capture.CopyRow(0, destination, 1, out bool anomalous));
        CollectionAssert.AreEqual(new[] { 7, 5, -5, 7 }, destination);
        Assert.IsTrue(anomalous);
        Assert.AreEqual("i", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => capture.CopyRow(-1, destination, 0, out _)).ParamName);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => capture.CopyRow(1, destination, 0, out _));
    }

    [TestMethod]
    public void ArmingAgainKeepsWhatAnArmedOrFrozenBufferHolds()
    {
        var capture = new CaptureBuffer(3, 2);
        capture.Arm();
        capture.Offer(Row(1), 0, 1, false);
        capture.Arm();
        Assert.AreEqual((CaptureState.Armed, 1), (capture.State, capture.Count), "still armed, the row kept");
        capture.Freeze(4);
        capture.Arm();
        capture.Freeze(9);
        Assert.AreEqual((CaptureState.Frozen, 1, 4), (capture.State, capture.Count, capture.FrozenAtWindow), "frozen at the first confirmation");
    }

    [TestMethod]
    public void AnIdleBufferCannotBeFrozenAndABufferOfNoRowsNeverArms()
    {
        var capture = new CaptureBuffer(3, 2);
        capture.Freeze(2);
        Assert.AreEqual(CaptureState.Idle, capture.State);
        var none = new CaptureBuffer(0, 2);
        none.Arm();
        none.Offer(Row(1), 0, 1, false);
        Assert.AreEqual((CaptureState.Idle, 0), (none.State, none.Count));
    }
}

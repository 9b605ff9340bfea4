using Edge.Ads.Protocol;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.Sessions;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Tests.Support;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// The device state behind ReadState and group 0xF100 (ads-protocol.md §2.1: <c>u16 adsState</c> at
/// offset 0, <c>u16 deviceState</c> at 2), and one connection's handle numbers.
/// </summary>
[TestClass]
public sealed class DeviceStatusAndHandleTableTests
{
    [TestMethod]
    public void TheStateStartsInRunAndPacksBothHalves()
    {
        var status = new DeviceStatus();
        Assert.AreEqual((AdsState.Run, (ushort)0, 5u), (status.AdsState, status.DeviceState, status.Packed));
        var changes = new List<AdsRange>();
        status.Changed += changes.Add;

        Assert.IsTrue(status.Set(AdsState.Stop, 0x0102));
        Assert.AreEqual(0x0102_0006u, status.Packed);
        Assert.AreEqual((AdsState.Stop, (ushort)0x0102), (status.AdsState, status.DeviceState));
        CollectionAssert.AreEqual(new[] { new AdsRange(AdsIndexGroup.DeviceData, 0, 4) }, changes);

        Assert.IsFalse(status.Set(AdsState.Stop, 0x0102), "the same state again is no change");
        Assert.HasCount(1, changes);

        Assert.IsTrue(status.Set(AdsState.Run, 0xFFFF));
        Assert.AreEqual(0xFFFF_0005u, status.Packed, "the top bit of the device state stays in its half");
        Assert.AreEqual((AdsState.Run, (ushort)0xFFFF), (status.AdsState, status.DeviceState));
        Assert.IsTrue(status.Set(AdsState.Run, 0xFFFE), "a change in the device state alone is a change");
        Assert.HasCount(3, changes);
    }

    [TestMethod]
    public void HandlesCountUpAreNotReusedAndAreCapped()
    {
        var table = SampleBoards.CreateTable();
        Assert.IsTrue(table.TryResolve("Board1.Id", out var id));
        Assert.IsTrue(table.TryResolve("Board2", out var board2));
        var handles = new HandleTable(capacity: 3);
        Assert.AreEqual(3, handles.Capacity);

        Assert.IsTrue(handles.TryAdd(id, out uint first));
        Assert.IsTrue(handles.TryAdd(board2, out uint second));
        Assert.IsTrue(handles.TryAdd(id, out uint third));
        Assert.AreEqual((1u, 2u, 3u), (first, second, third), "numbers start at 1: 0 is never a handle");
        Assert.IsFalse(handles.TryAdd(id, out uint refused));
        Assert.AreEqual(0u, refused);
        Assert.AreEqual(3, handles.Count);

        Assert.IsTrue(handles.TryGet(2, out var found));
        Assert.AreSame(board2, found);
        Assert.IsTrue(handles.Remove(2));
        Assert.IsFalse(handles.Remove(2), "released once");
        Assert.IsFalse(handles.TryGet(2, out _));
        Assert.AreEqual(2, handles.Count);

        Assert.IsTrue(handles.TryAdd(board2, out uint next));
        Assert.AreEqual(4u, next, "a released number is not handed out again at once");
        Assert.IsFalse(handles.TryGet(0, out _));
    }

    [TestMethod]
    public void NumberingWrapsPastZeroAndHandlesStillHeld()
    {
        var table = SampleBoards.CreateTable();
        Assert.IsTrue(table.TryResolve("Board1.Id", out var id));
        var handles = new HandleTable(capacity: 10);
        // A connection that made 2^32 - 2 handles before: set the counter as if it had (no other hook reaches the wrap).
        var last = typeof(HandleTable).GetField("_last", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        last.SetValue(handles, uint.MaxValue - 2);
        Assert.IsTrue(handles.TryAdd(id, out uint a));
        Assert.IsTrue(handles.TryAdd(id, out uint b));
        Assert.AreEqual((uint.MaxValue - 1, uint.MaxValue), (a, b));
        Assert.IsTrue(handles.TryAdd(id, out uint c));
        Assert.AreEqual(1u, c, "0 is skipped");
        last.SetValue(handles, uint.MaxValue - 2);
        Assert.IsTrue(handles.TryAdd(id, out uint d));
        Assert.AreEqual(2u, d, "uint.MaxValue - 1, uint.MaxValue and 1 are still held, 0 is never a handle");
    }
}

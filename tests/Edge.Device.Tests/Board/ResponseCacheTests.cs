using Edge.Device.Board;

namespace Edge.Device.Tests.Board;

/// <summary>
/// The board's cache of answers (issue 19: a cache matching on request id alone gave one command's
/// answer to another) and the session state around it, on their own.
/// </summary>
[TestClass]
public sealed class ResponseCacheTests
{
    private static byte[] Answer(byte value, int length) => Enumerable.Repeat(value, length).ToArray();

    [TestMethod]
    public void AnAnswerIsFoundByRequestIdAndCommandTogether()
    {
        var cache = new ResponseCache(4, 16);
        cache.Store(7, 0x21, Answer(0xAA, 5), 5);
        int slot = cache.Find(7, 0x21);
        Assert.AreNotEqual(-1, slot);
        Assert.AreEqual(5, cache.Length(slot));
        CollectionAssert.AreEqual(Answer(0xAA, 5), cache.Frame(slot)[..5]);
        Assert.AreEqual(-1, cache.Find(7, 0x22), "same id, another command: not its repeat");
        Assert.AreEqual(-1, cache.Find(7, 0x01), "a command differing in its lowest bit");
        Assert.AreEqual(-1, cache.Find(7, 0x80), "a command differing in its highest bit");
        Assert.AreEqual(-1, cache.Find(3, 0x21), "another id in another slot");
    }

    [TestMethod]
    public void AnIdSharingASlotReplacesTheOlderAnswer()
    {
        var cache = new ResponseCache(4, 16);
        cache.Store(1, 0x21, Answer(1, 3), 3);
        cache.Store(5, 0x21, Answer(5, 4), 4); // 5 mod 4 = 1
        Assert.AreEqual(-1, cache.Find(1, 0x21));
        Assert.AreEqual(4, cache.Length(cache.Find(5, 0x21)));
    }

    [TestMethod]
    public void ClearingForgetsEveryAnswer()
    {
        var cache = new ResponseCache(2, 16);
        cache.Store(1, 0x21, Answer(1, 3), 3);
        cache.Store(2, 0x22, Answer(2, 3), 3);
        cache.Clear();
        Assert.AreEqual(-1, cache.Find(1, 0x21));
        Assert.AreEqual(-1, cache.Find(2, 0x22));
    }

    [TestMethod]
    public void OneSlotIsEnoughAndNoneIsRefused()
    {
        var one = new ResponseCache(1, 8);
        Assert.AreEqual(1, one.Slots);
        Assert.AreEqual(8, one.FrameCapacity);
        one.Store(9, 0x30, Answer(9, 2), 2);
        Assert.AreEqual(0, one.Find(9, 0x30));
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ResponseCache(0, 8));
        Assert.AreEqual("slots", error.ParamName);
        StringAssert.Contains(error.Message, "the board keeps at least one answer");
    }

    [TestMethod]
    public void OpeningASessionStartsItsStateAfresh()
    {
        var session = new LinkSession { RejectPending = true, RowPosition = 40, NextId = 9 };
        session.Open(0xA, 4);
        Assert.AreEqual((0xAu, 4, (ushort)1, false, 0L, 1L), (session.Id, session.Window, session.NextId, session.RejectPending, session.RowPosition, session.Opened));
        session.Open(0xB, 1);
        Assert.AreEqual(2L, session.Opened);
        Assert.IsTrue(session.Serves(0xB));
        Assert.IsFalse(session.Serves(0xA));
    }

    [TestMethod]
    public void BehindCountsBackAcrossTheWrap()
    {
        var session = new LinkSession();
        session.Open(0xA, 1);
        Assert.AreEqual(0, session.Behind(1), "the next request");
        Assert.AreEqual(2, session.Behind(65535), "1 - 65535 wraps to 2: the request before last");
        Assert.AreEqual(65535, session.Behind(2), "one ahead is far out of order");
    }
}

using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Tests.Board;

/// <summary>
/// Go-back-N on the board: requests run exactly once, in id order; the first request after a gap
/// is answered with the id expected, the rest of the burst is dropped; a repeat is answered from
/// the cache. Rows are the witness: each one run adds a sample.
/// </summary>
[TestClass]
public sealed class PipelineTests
{
    private const uint Session = 0x5EED;

    private static BoardOnAScript RowsBoard()
    {
        var board = new BoardOnAScript(window: 4);
        board.Hello(Session);
        Assert.AreEqual(LinkStatus.Ok, board.Send(board.Frame(Session, 1, LinkCommand.ConfigureRows, new ConfigureRowsRequest { Width = 1 })).Single().Status);
        return board;
    }

    private static byte[] Row(BoardOnAScript board, ushort id, int firstRow) =>
        board.Frame(Session, id, LinkCommand.Rows, new RowsRequest { FirstRow = firstRow, Count = 1, Width = 1, Values = [firstRow] });

    [TestMethod]
    public void ALostRequestHoldsBackTheOnesAfterItUntilItIsResent()
    {
        var board = RowsBoard();
        // Requests 2, 3, 4 in flight; 2 is lost on the line.
        var burst = board.Send(Row(board, 3, 1), Row(board, 4, 2));
        Assert.HasCount(1, burst, "one answer per gap, the rest dropped");
        Assert.AreEqual(LinkStatus.OutOfOrder, burst[0].Status);
        Assert.AreEqual(3, burst[0].Id);
        Assert.AreEqual(2, burst[0].Read(new OutOfOrderReply()).ExpectedId);
        Assert.AreEqual(0, board.Runtime.Rows.Samples, "nothing ran out of order");

        // The host goes back to 2.
        var resent = board.Send(Row(board, 2, 0), Row(board, 3, 1), Row(board, 4, 2));
        CollectionAssert.AreEqual(new ushort[] { 2, 3, 4 }, resent.Select(a => a.Id).ToArray());
        Assert.IsTrue(resent.All(a => a.Status == LinkStatus.Ok));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, resent.Select(a => a.Read(new RowsReply()).NextRow).ToArray(), "in order");
        Assert.AreEqual(3, board.Runtime.Rows.Samples);
    }

    [TestMethod]
    public void ARepeatIsAnsweredFromTheCacheAndNotRunAgain()
    {
        var board = RowsBoard();
        var first = board.Send(Row(board, 2, 0), Row(board, 3, 1));
        // The answer to 2 was lost: the host sends 2 and 3 again.
        var repeat = board.Send(Row(board, 2, 0), Row(board, 3, 1));
        Assert.AreEqual(2, board.Runtime.Rows.Samples, "each row once");
        CollectionAssert.AreEqual(first[0].Bytes, repeat[0].Bytes, "the very frame of the first answer");
        CollectionAssert.AreEqual(first[1].Bytes, repeat[1].Bytes);
        Assert.AreEqual(2, board.Runtime.Cache.Hits);
    }

    [TestMethod]
    public void AnswersOlderThanTheWindowAreGoneAndTheirRequestsAreNotRunAgain()
    {
        var board = RowsBoard();
        for (ushort id = 2; id < 12; id++) board.Send(Row(board, id, id - 2));
        Assert.AreEqual(10, board.Runtime.Rows.Samples);
        // Request 2 again, long after: not in the window (4) any more; refused as out of order, not run.
        var old = board.Send(Row(board, 2, 0)).Single();
        Assert.AreEqual(LinkStatus.OutOfOrder, old.Status);
        Assert.AreEqual(12, old.Read(new OutOfOrderReply()).ExpectedId);
        Assert.AreEqual(10, board.Runtime.Rows.Samples);
    }

    [TestMethod]
    public void RowsOutOfPlaceAreRefusedWithWhereTheBoardStands()
    {
        var board = RowsBoard();
        var skipped = board.Send(Row(board, 2, 5)).Single();
        Assert.AreEqual(LinkStatus.BadOffset, skipped.Status);
        var reply = skipped.Read(new RowsReply());
        Assert.AreEqual((0, 0L), (reply.Taken, reply.NextRow));
        var staleWindow = board.Send(board.Frame(Session, 3, LinkCommand.Rows, new RowsRequest { FirstRow = 0, Windows = 1, Count = 1, Width = 1, Values = [1f] })).Single();
        Assert.AreEqual(LinkStatus.BadOffset, staleWindow.Status, "rows sent for another window count than the board's");
        Assert.AreEqual(0, board.Runtime.Rows.Samples);
    }

    [TestMethod]
    public void FramesAndRowsAllocateNothingOnTheBoard()
    {
        // Warm up on the first half (JIT), then the second half must allocate nothing on the board's
        // side. The script's own bookkeeping runs outside the measured call.
        long allocated = long.MaxValue;
        for (int round = 0; round < 5 && allocated != 0; round++)
        {
            var fresh = RowsBoard();
            var batch = Enumerable.Range(0, 100).Select(i => Row(fresh, (ushort)(2 + i), i)).ToArray();
            fresh.Send(batch.Take(50).ToArray());
            allocated = fresh.MeasurePoll(batch.Skip(50).ToArray());
        }
        Assert.AreEqual(0, allocated, "bytes allocated by 50 rows frames through the board's loop");
    }
}

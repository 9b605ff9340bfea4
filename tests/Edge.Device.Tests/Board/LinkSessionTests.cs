using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Tests.Board;

/// <summary>
/// Sessions on the board (issue 12, "stale answers across sessions"): every host process numbers
/// its requests from 1, so a board that answered by request id alone served one process's answers
/// to the next. Driven frame by frame against the board's own loop.
/// </summary>
[TestClass]
public sealed class LinkSessionTests
{
    private static readonly ConfigureRowsRequest Refused = new() { Width = 1, Rule = 3 };   // out-of-profile without a profile
    private static readonly ConfigureRowsRequest Accepted = new() { Width = 1, Rule = 0 };

    [TestMethod]
    public void ASecondSessionNeverGetsTheFirstSessionsAnswers()
    {
        var board = new BoardOnAScript();
        Assert.AreEqual(LinkStatus.Ok, board.Hello(0xA).Status);
        var first = board.Send(board.Frame(0xA, 1, LinkCommand.ConfigureRows, Refused)).Single();
        Assert.AreEqual(LinkStatus.BadRequest, first.Status);
        StringAssert.Contains(first.Read(new ErrorText()).Text, "needs a drift profile");

        // The next process: same request id, same command, a correct layout.
        Assert.AreEqual(LinkStatus.Ok, board.Hello(0xB).Status);
        var second = board.Send(board.Frame(0xB, 1, LinkCommand.ConfigureRows, Accepted)).Single();
        Assert.AreEqual(LinkStatus.Ok, second.Status, "run in the new session, not answered from the old one's cache");
        Assert.AreEqual(0xBu, second.Session);
        Assert.AreEqual(1, board.Runtime.Rows.RowWidth);
    }

    [TestMethod]
    public void FramesOfAnEarlierSessionAreNotRun()
    {
        var board = new BoardOnAScript();
        board.Hello(0xA);
        board.Hello(0xB);
        var stale = board.Send(board.Frame(0xA, 1, LinkCommand.Telemetry, new TelemetrySettings { StatusIntervalMs = 100 })).Single();
        Assert.AreEqual(LinkStatus.StaleSession, stale.Status);
        Assert.AreEqual(0xBu, stale.Read(new StaleSessionReply()).BoardSession);
        Assert.AreEqual(0, board.Runtime.Telemetry.StatusIntervalMs, "the stale request did not run");

        // A board that restarted has no session: it says so rather than run anything.
        var restarted = new BoardOnAScript();
        var answer = restarted.Send(restarted.Frame(0xB, 1, LinkCommand.Telemetry, new TelemetrySettings { StatusIntervalMs = 100 })).Single();
        Assert.AreEqual(LinkStatus.StaleSession, answer.Status);
        Assert.AreEqual(LinkFrame.NoSession, answer.Read(new StaleSessionReply()).BoardSession);
    }

    [TestMethod]
    public void AHelloRepeatedInTheSameSessionResetsNothing()
    {
        var board = new BoardOnAScript();
        board.Hello(0xC);
        board.Send(board.Frame(0xC, 1, LinkCommand.Telemetry, new TelemetrySettings { StatusIntervalMs = 250 }));
        var again = board.Hello(0xC);
        Assert.AreEqual(LinkStatus.Ok, again.Status);
        Assert.AreEqual(250, board.Runtime.Telemetry.StatusIntervalMs, "the session's settings stay");
        Assert.AreEqual(2, board.Runtime.Session.NextId);
        board.Hello(0xD);
        Assert.AreEqual(0, board.Runtime.Telemetry.StatusIntervalMs, "a new session starts from the board's defaults");
    }

    [TestMethod]
    public void HelloSettlesTheWindowAndRefusesSessionZeroAndOtherVersions()
    {
        var board = new BoardOnAScript(window: 4);
        Assert.AreEqual(4, board.Hello(0x1, window: 16).Read(new HelloReply()).Window, "the board's window bounds the host's");
        Assert.AreEqual(2, board.Hello(0x2, window: 2).Read(new HelloReply()).Window, "the host's bounds the board's");
        var zero = board.Hello(LinkFrame.NoSession);
        Assert.AreEqual(LinkStatus.BadRequest, zero.Status);
        var other = board.Send(board.Frame(0x3, 0, LinkCommand.Hello, new HelloRequest { ProtocolVersion = 9 })).Single();
        Assert.AreEqual(LinkStatus.UnsupportedVersion, other.Status);
        Assert.AreEqual(LinkFrame.ProtocolVersion, other.Read(new VersionReply()).ProtocolVersion);
        Assert.AreEqual(0x2u, board.Runtime.Session.Id, "neither opened a session");
    }

    [TestMethod]
    public void EveryCommandHasAHandler()
    {
        var board = new BoardOnAScript();
        board.Hello(0x7);
        ushort id = 1;
        foreach (var field in typeof(LinkCommand).GetFields().Where(f => f.IsLiteral))
        {
            byte command = (byte)field.GetValue(null)!;
            if (command == LinkCommand.Hello) continue;
            var answer = board.Send(board.Frame(0x7, id++, command)).Single();
            Assert.AreNotEqual(LinkStatus.UnknownCommand, answer.Status, field.Name);
        }
        Assert.AreEqual(LinkStatus.UnknownCommand, board.Send(board.Frame(0x7, id, 0x7E)).Single().Status);
    }
}

using System.Runtime.CompilerServices;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;

namespace Edge.Cli.Commands.Bridge;

/// <summary>
/// The feeds `edge bridge run` uses while this build has no board link client (host/Edge.Board
/// brings the link-based IBoardFeedFactory): every board is published offline with a LastError
/// that says so, and everything else — ADS, memory map, acknowledge path, Prometheus — runs for real,
/// so routes and PLC code can be brought up before the boards.
/// </summary>
internal sealed class UnlinkedBoardFeeds : IBoardFeedFactory
{
    public const string Message = "no board link in this build of edge";

    public IBoardFeed Create(BoardEndpointConfig board) => new Feed(board.Name);

    private sealed class Feed(string board) : IBoardFeed
    {
        public string Board { get; } = board;

        public async IAsyncEnumerable<BoardSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return new BoardSnapshot(Board, Online: false, LastSeen: null, ModelId: "", 0, 0, 0, 0, 0, 0, DriftAlarm: false,
                Verdict: "", [], [], [], 0, 0, LastError: Message);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        public Task AcknowledgeAlarmAsync(CancellationToken cancellationToken) => Task.FromException(new InvalidOperationException(Message));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

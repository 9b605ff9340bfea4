using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>Hands the bridge one <see cref="ScriptedBoardFeed"/> per board; can fail the first creations of a board's feed.</summary>
internal sealed class ScriptedFeeds : IBoardFeedFactory
{
    private readonly Dictionary<string, ScriptedBoardFeed> _feeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _failCreate = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public ScriptedBoardFeed this[string board]
    {
        get
        {
            lock (_gate)
            {
                if (!_feeds.TryGetValue(board, out var feed))
                    _feeds[board] = feed = new ScriptedBoardFeed(board);
                return feed;
            }
        }
    }

    public void Add(ScriptedBoardFeed feed)
    {
        lock (_gate)
            _feeds[feed.Board] = feed;
    }

    /// <summary>The next <paramref name="times"/> creations of <paramref name="board"/>'s feed throw.</summary>
    public void FailCreate(string board, int times)
    {
        lock (_gate)
            _failCreate[board] = times;
    }

    public int Creations { get; private set; }

    public IBoardFeed Create(BoardEndpointConfig board)
    {
        lock (_gate)
        {
            Creations++;
            if (_failCreate.GetValueOrDefault(board.Name) is > 0 and var left)
            {
                _failCreate[board.Name] = left - 1;
                throw new IOException($"cannot open {board.Address}: no such device");
            }
        }
        return this[board.Name];
    }
}

using Edge.PlcBridge.Configuration;

namespace Edge.PlcBridge.Boards;

/// <summary>Makes the feed of a configured board; the bridge calls it once per board, again after it threw.</summary>
public interface IBoardFeedFactory
{
    IBoardFeed Create(BoardEndpointConfig board);
}

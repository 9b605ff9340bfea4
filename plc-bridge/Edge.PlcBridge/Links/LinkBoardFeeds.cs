using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Links;

/// <summary>Board feeds over the board link: serial or TCP, real or simulated boards.</summary>
public sealed class LinkBoardFeeds(ILoggerFactory? loggers = null, Edge.Board.Link.LinkOptions? linkOptions = null) : IBoardFeedFactory
{
    public IBoardFeed Create(BoardEndpointConfig board) => new LinkBoardFeed(board, loggers?.CreateLogger<LinkBoardFeed>(), linkOptions);
}

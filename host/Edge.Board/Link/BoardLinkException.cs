namespace Edge.Board.Link;

/// <summary>The board did not answer, the link broke, or the board refused a command: the message says which and where.</summary>
public class BoardLinkException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The board answered a command with an error status.</summary>
public sealed class BoardCommandException(string message, LinkResponse response) : BoardLinkException(message)
{
    public LinkResponse Response { get; } = response;
}

using System.CommandLine;
using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Cli.Grammar;

namespace Edge.Cli.Commands.Board;

/// <summary>What the `edge board` commands share: the board's address, and connecting with a handshake.</summary>
internal static class BoardOptions
{
    public const string DefaultSimulator = "tcp://127.0.0.1:5030";

    public static Option<string> Port() => new("--port", "-p")
    {
        Description = "The board: its UART adapter (/dev/ttyUSB0, COM7, a simulator's /dev/pts/N) or tcp://HOST:PORT (Ethernet boards, `edge board sim`).",
        DefaultValueFactory = _ => DefaultSimulator,
    };

    // The same range a bridge configuration takes for a board's baud.
    public static Option<int> Baud() => new Option<int>("--baud") { Description = "Baud rate of a serial line.", DefaultValueFactory = _ => 115200 }.Within(300, 16_000_000);

    public static async Task<(BoardClient Client, BoardHello Hello)> ConnectAsync(ParseResult parse, Option<string> port, Option<int> baud, CancellationToken cancellationToken)
    {
        return await BoardClient.ConnectAsync(parse.GetValue(port)!, parse.GetValue(baud), new LinkOptions(), null, cancellationToken);
    }
}

using System.CommandLine;
using Edge.Board.Client;
using Edge.Board.Link;

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

    public static Option<int> Baud() => new("--baud") { Description = "Baud rate of a serial line.", DefaultValueFactory = _ => 115200 };

    public static async Task<(BoardClient Client, BoardHello Hello)> ConnectAsync(ParseResult parse, Option<string> port, Option<int> baud, CancellationToken cancellationToken)
    {
        return await BoardClient.ConnectAsync(parse.GetValue(port)!, parse.GetValue(baud), new LinkOptions(), null, cancellationToken);
    }

    /// <summary>Reads a file the user named, failing with the path in the message.</summary>
    public static byte[] ReadFile(FileInfo file)
    {
        if (!file.Exists) throw new UserFacingException($"{file.FullName}: file not found");
        return File.ReadAllBytes(file.FullName);
    }

    /// <summary>Runs an async command body on the CLI's synchronous action.</summary>
    public static ExitCode Run(Func<Task<ExitCode>> body) => body().GetAwaiter().GetResult();
}

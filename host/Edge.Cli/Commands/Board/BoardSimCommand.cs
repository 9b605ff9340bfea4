using System.CommandLine;
using System.Net;
using Edge.Board.Simulation;
using Edge.Common.Files;
using Edge.Cli.Grammar;
using Edge.Transport;

namespace Edge.Cli.Commands.Board;

/// <summary>`edge board sim`: the board's firmware code running on this machine, reachable like a real board.</summary>
internal static class BoardSimCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen", "-l") { Description = "Serve on tcp://HOST:PORT (port 0 picks a free one).", DefaultValueFactory = _ => BoardOptions.DefaultSimulator };
        var pty = new Option<bool>("--pty") { Description = "Serve on a Linux pseudo-terminal instead; its /dev/pts path is printed (open it like a serial port)." };
        var board = new Option<string>("--board", "-b") { Description = "Board profile for memory and the cost model: " + string.Join(", ", BoardProfile.Known.Select(p => p.Name)) + ".", DefaultValueFactory = _ => BoardProfile.NucleoF746zg.Name };
        var name = new Option<string?>("--name") { Description = "Name the board reports (default: the profile's)." };
        var state = new Option<DirectoryInfo?>("--state") { Description = "Folder for the board's simulated flash (committed model, interrupted uploads); default: a folder under the system's temp directory, per name." };
        var duration = DurationOption.Create("--for", "Stop after this long (e.g. 30s, 5m); default: until Ctrl+C.");
        var command = new Command("sim", """
            Runs a simulated board: the same firmware code (link protocol, uploads, int8 engine, drift sketches, telemetry)
            on this machine, reachable over TCP or a pseudo-terminal like a real board. Inference time and current come
            from a stated cost model of the chosen board (see host/Edge.Board/README.md); every figure it produces is
            simulated, not measured.

            Examples:
              edge board sim
              edge board sim --pty --board nucleo-f091rc
              edge board sim --listen tcp://127.0.0.1:0 --name loom3 --state ./loom3-flash
              edge board sim --for 90s
            """)
        {
            listen, pty, board, name, state, duration,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            BoardProfile profile;
            try { profile = BoardProfile.Find(parse.GetValue(board)!); }
            catch (ArgumentException e) { throw new UserFacingException(e.Message, ExitCode.Usage); }
            string boardName = parse.GetValue(name) ?? profile.Name;
            string folder = OutputFolder.Create(parse.GetValue(state)?.FullName ?? Path.Combine(Path.GetTempPath(), "edge-board-sim", boardName));
            using var simulated = new SimulatedBoard(profile, folder, boardName);
            await using var host = Start(simulated, parse.GetValue(pty), parse.GetValue(listen)!);
            io.Out.WriteLine($"simulated board '{boardName}' ({profile.Name}, {profile.ClockMHz:0} MHz cost model) on {host.Address}");
            io.Out.WriteLine($"flash: {folder}{(simulated.Runtime.ModelId is { } id ? $"; running model {Convert.ToHexString(id).ToLowerInvariant()}" : "; no model yet")}. Ctrl+C stops.");
            using var stop = Interruption.UntilInterrupted(parse.GetValue(duration), cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or --for: a normal end.
            }
            var rows = simulated.Runtime.Rows;
            io.Out.WriteLine($"stopped: {rows.Samples} samples, {rows.Inferences} inferences");
            return ExitCode.Ok;
        });
        return command;
    }

    private static SimulatedBoardHost Start(SimulatedBoard board, bool pty, string listen)
    {
        if (pty)
        {
            if (!OperatingSystem.IsLinux()) throw new UserFacingException("--pty needs Linux; use --listen tcp://HOST:PORT.", ExitCode.Usage);
            return SimulatedBoardHost.OpenPty(board);
        }
        if (!ByteTransports.TryParseTcp(listen, out string host, out int port) || !IPAddress.TryParse(host == "localhost" ? "127.0.0.1" : host, out var address))
            throw new UserFacingException($"--listen '{listen}' is not tcp://IP:PORT, e.g. tcp://127.0.0.1:5030.", ExitCode.Usage);
        try
        {
            return SimulatedBoardHost.ListenTcp(board, address, port);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new UserFacingException(Listening.Failure(listen, e), ExitCode.Usage, e);
        }
    }
}

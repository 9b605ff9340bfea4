using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.TestSupport;
using Edge.Transport;

namespace Edge.Board.Tests.Support;

/// <summary>
/// A simulated board and a host client joined by an in-memory line, noisy or clean. One fake clock,
/// <see cref="Clock"/>, is the time of both ends: the link's timeouts and heartbeat, and the
/// board's clock (its uptime, status interval, local sampling). It moves only while the link is
/// quiet (a request waits for an answer that can no longer come), so resends happen when frames
/// are lost and never because the machine was busy, or when a test advances it (then
/// <see cref="SimulatedBoard.CatchUp"/> has the board do what that time made due).
/// </summary>
internal sealed class BoardRig : IAsyncDisposable
{
    private BoardRig(SimulatedBoard board, NoisyDuplex line, BoardClient client, string state, QuietLinkClock clock)
    {
        Board = board;
        Line = line;
        Client = client;
        StateFolder = state;
        Clock = clock;
    }

    /// <summary>The time of the link (its <see cref="LinkOptions.TimeProvider"/>) and of the board (its <see cref="SimulatedBoard.Clock"/> follows it).</summary>
    public QuietLinkClock Clock { get; }

    public SimulatedBoard Board { get; }

    public NoisyDuplex Line { get; }

    public BoardClient Client { get; }

    public string StateFolder { get; }

    /// <summary>A board and a host with a session open (hello done).</summary>
    public static async Task<BoardRig> StartAsync(double noise = 0, int seed = 1, LinkOptions? options = null, string? stateFolder = null, BoardProfile? profile = null, bool noisePerFrame = false)
    {
        string state = stateFolder ?? RepoPaths.TempDirectory("board-state");
        var clock = new QuietLinkClock();
        var board = new SimulatedBoard(profile ?? BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), state, "test-board", time: clock.Time);
        var line = new NoisyDuplex(noise, seed, noisePerFrame, clock.Activity);
        _ = board.Port.Attach(line.Board);
        var link = new LinkClient(new StreamTransport(line.Host, "in-memory line"), (options ?? new LinkOptions()) with { TimeProvider = clock.Time, Activity = clock.Activity });
        clock.Start(link.SupervisionPeriod);
        try
        {
            var (client, _) = await BoardClient.OpenAsync(link);
            return new BoardRig(board, line, client, state, clock);
        }
        catch
        {
            await clock.DisposeAsync(); // OpenAsync disposed the link

            board.Dispose();
            await line.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Clock.DisposeAsync();
        Board.Dispose();
        await Line.DisposeAsync();
    }
}

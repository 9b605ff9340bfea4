using Edge.Board.Client;
using Edge.Board.Link;
using Edge.Board.Simulation;
using Edge.TestSupport;
using Edge.Transport;

namespace Edge.Board.Tests.Support;

/// <summary>A simulated board and a host client joined by an in-memory line, noisy or clean.</summary>
public sealed class BoardRig : IAsyncDisposable
{
    private BoardRig(SimulatedBoard board, NoisyDuplex line, BoardClient client, string state)
    {
        Board = board;
        Line = line;
        Client = client;
        StateFolder = state;
    }

    public SimulatedBoard Board { get; }

    public NoisyDuplex Line { get; }

    public BoardClient Client { get; }

    public string StateFolder { get; }

    /// <summary>A board and a host with a session open (hello done).</summary>
    public static async Task<BoardRig> StartAsync(double noise = 0, int seed = 1, LinkOptions? options = null, string? stateFolder = null, BoardProfile? profile = null, bool noisePerFrame = false)
    {
        string state = stateFolder ?? RepoPaths.TempDirectory("board-state");
        var board = new SimulatedBoard(profile ?? BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), state, "test-board");
        var line = new NoisyDuplex(noise, seed, noisePerFrame);
        _ = board.Port.Attach(line.Board);
        try
        {
            var (client, _) = await BoardClient.OpenAsync(new LinkClient(new StreamTransport(line.Host, "in-memory line"), options));
            return new BoardRig(board, line, client, state);
        }
        catch
        {
            board.Dispose();
            await line.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Board.Dispose();
        await Line.DisposeAsync();
    }
}

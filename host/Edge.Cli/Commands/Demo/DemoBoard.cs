using System.Net;
using Edge.Board.Client;
using Edge.Board.Simulation;
using Edge.Board.Streaming;
using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Model;

namespace Edge.Cli.Commands.Demo;

/// <summary>
/// One simulated board of the demo: the firmware's code on loopback TCP, set up as a deployed
/// board is (model with its drift profile uploaded over the link, rows configured), sampling its
/// own sensor, which replays a recorded table at a steady rate.
/// </summary>
internal sealed class DemoBoard : IAsyncDisposable
{
    private readonly SimulatedBoard _board;
    private readonly SimulatedBoardHost _host;
    private readonly ReplaySampleSource _sensor;

    private DemoBoard(string name, SimulatedBoard board, SimulatedBoardHost host, ReplaySampleSource sensor)
    {
        Name = name;
        _board = board;
        _host = host;
        _sensor = sensor;
    }

    public string Name { get; }

    public string Address => _host.Address;

    public SimulatedBoard Board => _board;

    /// <summary>Rows its sensor has produced so far, and still has queued.</summary>
    public long Sampled => _sensor.Taken;

    public int Queued => _sensor.Pending;

    public static async Task<DemoBoard> StartAsync(string name, string stateFolder, byte[] model, double rowsPerSecond, CancellationToken cancellationToken)
    {
        var board = new SimulatedBoard(BoardProfile.NucleoF746zg, stateFolder, name);
        var host = SimulatedBoardHost.ListenTcp(board, IPAddress.Loopback, 0);
        var sensor = new ReplaySampleSource(rowsPerSecond);
        var (client, _) = await BoardClient.ConnectAsync(host.Address, cancellationToken: cancellationToken);
        await using (client)
        {
            await client.UploadAsync(UploadKind.Model, model, cancellationToken: cancellationToken);
            var parsed = ModelReader.Read(model);
            var profile = DriftProfileReader.Read(parsed.DriftProfile, "the model's drift profile");
            var layout = RowLayoutBuilder.Build(parsed, profile, BundledTables.Test164V);
            await BoardStreamer.ConfigureAsync(client, layout, cancellationToken);
        }
        board.Runtime.SampleSource = sensor;
        return new DemoBoard(name, board, host, sensor);
    }

    /// <summary>Queues rows on the board's sensor (the machine's conditions of the coming seconds).</summary>
    public void Feed(IEnumerable<float[]> rows) => _sensor.Enqueue(rows);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _board.Dispose();
    }
}

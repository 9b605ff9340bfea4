using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Server;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Types;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Benchmarks;

/// <summary>
/// A server on a free loopback port with 100 board STRUCTs (88 bytes each, the layout of the tests'
/// sample board) in group 0x4040, and clients for it.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const int Boards = 100;
    public const uint Group = 0x4040;
    public static readonly AmsAddress Device = new(AmsNetId.Parse("192.168.7.1.1.1"), 25000);

    private int _clients;

    private BenchServer(AdsServer server) => Server = server;

    public AdsServer Server { get; }

    public static PlcStructType BoardType { get; } = new PlcStructBuilder("ST_Board")
        .Add("Id", PlcTypes.DInt)
        .Add("Online", PlcTypes.Bool)
        .Add("AnomalyRate", PlcTypes.Real)
        .Add("Alarm", PlcTypes.Bool)
        .Add("Inferences", PlcTypes.UDInt)
        .Add("FeatureDrift", PlcTypes.Array(PlcTypes.Real, 0, 7))
        .Add("DriftScore", PlcTypes.LReal)
        .Add("Model", PlcTypes.String(15))
        .Add("Temperature", PlcTypes.Int)
        .Build();

    public AdsSymbol Board(int index) => Server.Symbols.FindSymbol($"Board{index + 1}")!;

    /// <param name="configure">Changes to the load benchmark's options (many connections from one peer allowed).</param>
    public static async Task<BenchServer> StartAsync(Action<AdsServerOptions>? configure = null, ILogger<AdsServer>? logger = null)
    {
        var symbols = new AdsSymbolTable();
        for (int i = 0; i < Boards; i++)
            symbols.Publish($"Board{i + 1}", BoardType, Group, (uint)(i * BoardType.Size));
        var options = new AdsServerOptions
        {
            BindAddress = IPAddress.Loopback,
            TcpPort = 0,
            NetId = Device.NetId,
            AdsPort = Device.Port,
            MaxConnections = 256,
            MaxConnectionsPerPeer = 256,
        };
        configure?.Invoke(options);
        var server = new AdsServer(options, symbols, logger);
        await server.StartAsync(CancellationToken.None);
        return new BenchServer(server);
    }

    public Task<AdsTcpClient> ConnectAsync()
    {
        int n = Interlocked.Increment(ref _clients);
        var source = new AmsAddress(AmsNetId.Parse($"10.0.{n / 250}.{n % 250 + 1}.1.1"), 32768);
        return AdsTcpClient.ConnectAsync("127.0.0.1", Server.LocalEndPoint!.Port, Device, source);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

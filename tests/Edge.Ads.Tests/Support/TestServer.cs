using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Edge.Ads.Server.Symbols;

namespace Edge.Ads.Tests.Support;

/// <summary>An in-process server on a free loopback port with the sample boards published.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public static readonly AmsNetId ServerNetId = AmsNetId.Parse("192.168.7.1.1.1");
    public const ushort DevicePort = 25000;
    public static readonly AmsAddress ClientAddress = new(AmsNetId.Parse("10.0.0.77.1.1"), 32750);

    private TestServer(AdsServer server) => Server = server;

    public AdsServer Server { get; }

    public AdsSymbolTable Symbols => Server.Symbols;

    public int Port => Server.LocalEndPoint!.Port;

    public AmsAddress Device => new(ServerNetId, DevicePort);

    public static async Task<TestServer> StartAsync(Action<AdsServerOptions>? configure = null, AdsSymbolTable? symbols = null, CapturingLogger? logger = null)
    {
        var options = new AdsServerOptions
        {
            BindAddress = IPAddress.Loopback,
            TcpPort = 0,
            NetId = ServerNetId,
            AdsPort = DevicePort,
        };
        configure?.Invoke(options);
        var server = new AdsServer(options, symbols ?? SampleBoards.CreateTable(), logger);
        await server.StartAsync(CancellationToken.None);
        return new TestServer(server);
    }

    public Task<AdsTcpClient> ConnectAsync(AmsAddress? source = null) =>
        AdsTcpClient.ConnectAsync("127.0.0.1", Port, Device, source ?? ClientAddress);

    public Task<RawAmsSocket> ConnectRawAsync(IPAddress? from = null, int? receiveBuffer = null) => RawAmsSocket.ConnectAsync(Port, from, receiveBuffer);

    /// <summary>A request frame from the test client to the device (or another port).</summary>
    public byte[] Request(AdsCommandId command, ReadOnlySpan<byte> payload, uint invokeId = 1, ushort? port = null) =>
        RawAmsSocket.Request(Device with { Port = port ?? DevicePort }, ClientAddress, command, payload, invokeId);

    public AdsSymbol Board(int number) => Symbols.FindSymbol($"Board{number}")!;

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

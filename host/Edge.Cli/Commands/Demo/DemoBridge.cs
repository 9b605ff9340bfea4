using Edge.Common.Files;
using System.Text;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Hosting;
using Edge.PlcBridge.Links;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Demo;

/// <summary>
/// The PLC bridge of the demo, in this process on loopback: reads the simulated boards over their
/// links and serves them over ADS; and an ADS client that reads what a PLC would.
/// </summary>
internal sealed class DemoBridge : IAsyncDisposable
{
    private static readonly AmsNetId NetId = AmsNetId.Parse("127.0.0.1.1.1");
    private readonly IHost _host;
    private readonly AdsTcpClient _client;

    private DemoBridge(IHost host, AdsTcpClient client, string configFile, int port)
    {
        _host = host;
        _client = client;
        ConfigFile = configFile;
        Port = port;
    }

    public string ConfigFile { get; }

    public int Port { get; }

    public static async Task<DemoBridge> StartAsync(IReadOnlyList<DemoBoard> boards, string folder, CancellationToken cancellationToken)
    {
        var yaml = new StringBuilder("features: 64\nboards:\n");
        foreach (var board in boards) yaml.Append($"  - name: {board.Name}\n    address: {board.Address}\n    stale-after: 2s\n");
        yaml.Append($"ads:\n  bind: 127.0.0.1\n  tcp-port: 0\n  net-id: {NetId}\n  device-name: Edge demo\n  write-enabled: [{boards[0].Name}.AlarmAck]\nprometheus:\n  enabled: false\n");
        string configFile = Path.Combine(folder, "bridge.yaml");
        AtomicFile.Write(configFile, Encoding.UTF8.GetBytes(yaml.ToString()));
        var config = BridgeConfigLoader.Load(configFile);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "edge-demo-bridge" });
        builder.Logging.ClearProviders();
        builder.Services.AddPlcBridge(config, new LinkBoardFeeds());
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        int port = host.Services.GetRequiredService<AdsServer>().LocalEndPoint!.Port;
        var client = await AdsTcpClient.ConnectAsync("127.0.0.1", port, new AmsAddress(NetId, 25000), new AmsAddress(AmsNetId.Parse("127.0.0.1.1.2"), 32905));
        return new DemoBridge(host, client, configFile, port);
    }

    /// <summary>A symbol's value by name (ADS 0xF004), as a PLC or HMI reads it.</summary>
    public async Task<byte[]> ReadAsync(string symbol, int size, CancellationToken cancellationToken)
    {
        var name = Encoding.ASCII.GetBytes(symbol + "\0");
        var result = await _client.ReadWriteAsync(0xF004, 0, (uint)size, name, ct: cancellationToken);
        if (result.ErrorCode != AdsErrorCode.NoError) throw new UserFacingException($"the bridge refused to read {symbol}: {result.ErrorCode}", ExitCode.DeviceError);
        return result.Data;
    }

    public async Task<PlcReading> ReadBoardAsync(string board, CancellationToken cancellationToken)
    {
        bool online = (await ReadAsync(board + ".Online", 1, cancellationToken))[0] != 0;
        bool alarm = (await ReadAsync(board + ".DriftAlarm", 1, cancellationToken))[0] != 0;
        float score = BitConverter.ToSingle(await ReadAsync(board + ".DriftScore", 4, cancellationToken));
        float rate = BitConverter.ToSingle(await ReadAsync(board + ".AnomalyRate", 4, cancellationToken));
        ulong samples = BitConverter.ToUInt64(await ReadAsync(board + ".Samples", 8, cancellationToken));
        return new PlcReading(online, alarm, score, rate, samples);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}

/// <summary>What the ADS client read for one board.</summary>
internal sealed record PlcReading(bool Online, bool DriftAlarm, float DriftScore, float AnomalyRate, ulong Samples);

using System.Net.Sockets;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Server;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Tests.Server;

/// <summary>The server as the bridge service will run it: a hosted service in a generic host.</summary>
[TestClass]
public sealed class HostingTests
{
    [TestMethod]
    public async Task StartsAndStopsWithTheHostClosingItsConnections()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(SampleBoards.CreateTable());
        builder.Services.AddSingleton(new AdsServerOptions { TcpPort = 0, NetId = TestServer.ServerNetId, AdsPort = TestServer.DevicePort });
        builder.Services.AddSingleton<AdsServer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AdsServer>());
        using var host = builder.Build();

        await host.StartAsync();
        var server = host.Services.GetRequiredService<AdsServer>();
        int port = server.LocalEndPoint!.Port;
        await using var client = await AdsTcpClient.ConnectAsync("127.0.0.1", port, new(TestServer.ServerNetId, TestServer.DevicePort), TestServer.ClientAddress);
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);
        host.Services.GetRequiredService<AdsSymbolTable>().FindSymbol("Board1")!.Write(new byte[88]);

        await host.StopAsync(TimeSpan.FromSeconds(10));
        await client.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.AreEqual(0, server.Statistics.ActiveConnections);
        using var late = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => late.ConnectAsync("127.0.0.1", port));
    }
}

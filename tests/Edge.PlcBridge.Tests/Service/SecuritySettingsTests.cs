using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.PlcBridge.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>The configuration's access settings reach the ADS server: allow-lists of peers and net ids, and the per-peer limits.</summary>
[TestClass]
public sealed class SecuritySettingsTests
{
    private static string With(string ads) => TestBridge.Yaml().Replace("  write-enabled: [Loom3.AlarmAck]\n", ads, StringComparison.Ordinal);

    [TestMethod]
    public async Task APeerOutsideAllowedPeersIsClosedAndLogged()
    {
        await using var bridge = await TestBridge.StartAsync(With("  allowed-peers: [192.168.10.20]\n"));
        await using var client = await bridge.ConnectAsync();

        await client.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.AreEqual(1, bridge.Server.Statistics.ConnectionsRejected);
        Assert.IsTrue(bridge.Logs.Contains(LogLevel.Warning, "127.0.0.1 is not in the allow-list"), bridge.Logs.ToString());
    }

    [TestMethod]
    public async Task OnlyAllowedNetIdsMaySend()
    {
        await using var bridge = await TestBridge.StartAsync(With($"  allowed-net-ids: [{TestBridge.ClientAddress.NetId}]\n"));
        await using var allowed = await bridge.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await allowed.ReadStateAsync()).AdsState);

        await using var stranger = await AdsTcpClient.ConnectAsync("127.0.0.1", bridge.Port, new AmsAddress(TestBridge.NetId, 25000), AmsAddress.Parse("10.9.9.9.1.1:30000"));
        stranger.Timeout = TimeSpan.FromSeconds(5);
        await Assert.ThrowsAsync<Exception>(() => stranger.ReadStateAsync());
        await stranger.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsTrue(bridge.Logs.Contains(LogLevel.Warning, "source net id 10.9.9.9.1.1 is not in the allow-list"), bridge.Logs.ToString());
    }

    [TestMethod]
    public async Task HandlesPerConnectionAreLimited()
    {
        await using var bridge = await TestBridge.StartAsync(With("  limits:\n    max-handles: 2\n"));
        await using var client = await bridge.ConnectAsync();

        var results = new List<AdsErrorCode>();
        foreach (var path in new[] { "Loom3", "Loom3.Online", "Pump1" })
            results.Add((await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, AdsRequestEncoder.Name(path))).ErrorCode);

        CollectionAssert.AreEqual(new[] { AdsErrorCode.NoError, AdsErrorCode.NoError, AdsErrorCode.DeviceNoMoreHandles }, results);
    }
}

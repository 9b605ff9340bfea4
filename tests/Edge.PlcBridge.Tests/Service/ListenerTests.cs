using System.Net;
using System.Net.Sockets;
using Edge.Ads.Server;
using Edge.PlcBridge.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace Edge.PlcBridge.Tests.Service;

/// <summary>A port the bridge cannot listen on stops it with one clear error: which address, which port, why; no stack trace in its log.</summary>
[TestClass]
public sealed class ListenerTests
{
    [TestMethod]
    [DataRow("ads", DisplayName = "ADS port taken")]
    [DataRow("prometheus", DisplayName = "metrics port taken")]
    public async Task APortInUseIsNamedWithoutAStackTrace(string which)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        string yaml = which == "ads"
            ? TestBridge.Yaml().Replace("tcp-port: 0", $"tcp-port: {port}", StringComparison.Ordinal)
            : TestBridge.Yaml().Replace("http://127.0.0.1:0/metrics", $"http://127.0.0.1:{port}/metrics", StringComparison.Ordinal);
        var feeds = new ScriptedFeeds();
        var (host, _, logs) = TestBridge.Build(yaml, feeds);
        using (host)
        {
            var e = await Assert.ThrowsExactlyAsync<ListenException>(() => host.StartAsync());
            Assert.IsTrue(e.AddressInUse);
            Assert.AreEqual(new IPEndPoint(IPAddress.Loopback, port), e.EndPoint);
            StringAssert.Contains(e.Message, $"on 127.0.0.1:{port}: port {port} is already in use on 127.0.0.1");
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }

        // What a console or journald log shows of a logged exception is its ToString().
        foreach (var entry in logs.Entries.Where(e => e.Exception is not null))
            Assert.DoesNotMatchRegex(Support.StackTrace.Frame(), entry.Exception!.ToString(), $"{entry.Category}: {entry.Message}");
        Assert.AreEqual(1, logs.Entries.Count(e => e.Exception is ListenException), logs.ToString());
    }
}

using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ads.Tests.Server;

/// <summary>Who may connect, which net ids may send, how many connections, and which writes land.</summary>
[TestClass]
public sealed class AccessControlTests
{
    [TestMethod]
    public async Task PeersOutsideTheAllowListAreClosedOnAccept()
    {
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => o.AllowedPeers.Add(IPNetwork.Parse("10.20.0.0/16")), logger: log);
        await using var socket = await server.ConnectRawAsync();
        Assert.IsTrue(await socket.IsClosedByServerAsync());
        Assert.AreEqual(1, server.Server.Statistics.ConnectionsRejected);
        Assert.IsTrue(log.Contains(LogLevel.Warning, "127.0.0.1 is not in the allow-list"));
    }

    [TestMethod]
    public async Task PeersInsideTheAllowListAreServedAndOnlyThey()
    {
        // Two entries, one a /24 and one a single host; peers on both sides of each boundary
        // (every 127.x address is loopback on Linux, so one test can be all of them).
        await using var server = await TestServer.StartAsync(o =>
        {
            o.AllowedPeers.Add(IPNetwork.Parse("127.0.1.0/24"));
            o.AllowedPeers.Add(IPNetwork.Parse("127.0.0.5/32"));
        });
        string[] inside = ["127.0.1.0", "127.0.1.7", "127.0.1.255", "127.0.0.5"];
        string[] outside = ["127.0.0.1", "127.0.0.4", "127.0.0.6", "127.0.2.1", "127.0.0.255"];
        for (int i = 0; i < inside.Length; i++)
        {
            await using var socket = await server.ConnectRawAsync(IPAddress.Parse(inside[i]));
            await socket.SendAsync(server.Request(AdsCommandId.ReadState, [], invokeId: (uint)(i + 1)));
            var (header, payload) = await socket.ReadAnswerAsync();
            Assert.AreEqual(AdsErrorCode.NoError, header.ErrorCode, inside[i]);
            Assert.AreEqual((uint)(i + 1), header.InvokeId, inside[i]);
            Assert.AreEqual((ushort)AdsState.Run, BitConverter.ToUInt16(payload, 4), $"{inside[i]}: result, then ADS state Run");
        }
        foreach (var address in outside)
        {
            await using var socket = await server.ConnectRawAsync(IPAddress.Parse(address));
            Assert.IsTrue(await socket.IsClosedByServerAsync(), address);
        }
        Assert.AreEqual(outside.Length, server.Server.Statistics.ConnectionsRejected);
        Assert.AreEqual(inside.Length, server.Server.Statistics.ConnectionsAccepted);
    }

    [TestMethod]
    public async Task OnlyAllowListedNetIdsMaySend()
    {
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => o.AllowedNetIds.Add(TestServer.ClientAddress.NetId), logger: log);
        await using var allowed = await server.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await allowed.ReadStateAsync()).AdsState);

        await using var stranger = await server.ConnectRawAsync();
        await stranger.SendAsync(RawAmsSocket.Request(server.Device, AmsAddress.Parse("10.9.9.9.1.1:30000"), AdsCommandId.ReadState, []));
        Assert.IsTrue(await stranger.IsClosedByServerAsync(), "like a router without a route");
        Assert.IsTrue(log.Contains(LogLevel.Warning, "source net id 10.9.9.9.1.1 is not in the allow-list"));
    }

    [TestMethod]
    public async Task ConnectionsAreLimitedInTotalAndPerPeer()
    {
        await using var server = await TestServer.StartAsync(o => { o.MaxConnections = 3; o.MaxConnectionsPerPeer = 2; });
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await second.ReadStateAsync()).AdsState);
        await using (var third = await server.ConnectRawAsync())
            Assert.IsTrue(await third.IsClosedByServerAsync(), "a third connection from 127.0.0.1");
        await first.DisposeAsync();
        await Eventually.TrueAsync(() => server.Server.Statistics.ActiveConnections == 1, "the first connection is gone");
        await using var again = await server.ConnectAsync();
        Assert.AreEqual(AdsState.Run, (await again.ReadStateAsync()).AdsState);
    }

    [TestMethod]
    public async Task ClientsHoldingEveryConnectionTheyMayStillLeaveThePlcsTheirs()
    {
        // The outside attack: connections from four addresses of one host, held until refused,
        // locked every PLC out. With the defaults (32, 8 per peer, 4 reserved) the attacker gets 28.
        var plc = IPAddress.Parse("127.0.0.20");
        await using var server = await TestServer.StartAsync(o =>
        {
            o.ReservedPeers.Add(new IPNetwork(plc, 32));
            o.RequestTimeout = o.IdleTimeout = TimeSpan.FromHours(1); // the held connections stay, however slow the machine
        });
        var defaults = new Ads.Server.AdsServerOptions();
        var held = new List<RawAmsSocket>();
        try
        {
            for (int address = 1; address <= 4; address++)
            {
                for (int i = 0; i < 10; i++)
                    held.Add(await server.ConnectRawAsync(IPAddress.Parse($"127.0.0.{address}")));
            }
            await Eventually.TrueAsync(() => server.Server.Statistics is { } s && s.ConnectionsAccepted + s.ConnectionsRejected == 40, "every attempt decided");
            Assert.AreEqual(defaults.MaxConnections - defaults.ReservedConnections, server.Server.Statistics.ActiveConnections, "what an attacker can hold");

            for (int i = 0; i < defaults.ReservedConnections; i++)
            {
                var socket = await server.ConnectRawAsync(plc);
                held.Add(socket);
                await socket.SendAsync(server.Request(AdsCommandId.ReadState, [], invokeId: (uint)i));
                Assert.AreEqual(AdsErrorCode.NoError, (await socket.ReadAnswerAsync()).Header.ErrorCode, $"PLC connection {i + 1} is served");
            }
            await using var beyond = await server.ConnectRawAsync(plc);
            Assert.IsTrue(await beyond.IsClosedByServerAsync(), "past max-connections the PLC is refused too");
        }
        finally
        {
            foreach (var socket in held)
                await socket.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task AConnectFloodIsSummarisedNotLoggedLineByLine()
    {
        var time = new FakeTimeProvider();
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => { o.TimeProvider = time; o.AllowedPeers.Add(IPNetwork.Parse("10.20.0.0/16")); }, logger: log);
        for (int i = 0; i < 300; i++)
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        }
        await Eventually.TrueAsync(() => server.Server.Statistics.ConnectionsRejected == 300, "every connection refused");
        Assert.AreEqual(Ads.Server.AdsServer.LogBurst, log.Entries.Count(e => e.Message.Contains("refused: 127.0.0.1 is not in the allow-list", StringComparison.Ordinal)));

        time.Advance(Ads.Server.AdsServer.LogWindow);
        await Eventually.TrueAsync(() => log.Contains(LogLevel.Warning, $"connections refused (not in the allow-list): {300 - Ads.Server.AdsServer.LogBurst} more not logged in the last 10 s"),
            "one summary line for the rest");
        Assert.AreEqual(300 - Ads.Server.AdsServer.LogBurst, server.Server.Statistics.LogLinesSuppressed);
        Assert.AreEqual(Ads.Server.AdsServer.LogBurst + 1, log.Entries.Count(e => e.Level == LogLevel.Warning), string.Join("\n", log.Entries.Select(e => e.Message)));
    }

    [TestMethod]
    public async Task AValidatorDecidesOnWritesAndSeesWhoWrote()
    {
        var table = SampleBoards.CreateTable();
        var seen = new List<AdsSymbolWrite>();
        table.Publish("Setpoint", PlcTypes.Real, 0x4050, 0);
        table.EnableWrites("Setpoint", write =>
        {
            seen.Add(write);
            float value = BitConverter.ToSingle(write.Data.Span);
            return value is >= 0 and <= 100 ? AdsErrorCode.NoError : AdsErrorCode.DeviceInvalidData;
        });
        await using var server = await TestServer.StartAsync(symbols: table);
        await using var client = await server.ConnectAsync();

        Assert.AreEqual(AdsErrorCode.DeviceInvalidData, await client.WriteAsync(0x4050, 0, BitConverter.GetBytes(250f)));
        Assert.AreEqual(0f, BitConverter.ToSingle(table.FindSymbol("Setpoint")!.ReadValue()), "a refused write changes nothing");
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteAsync(0x4050, 0, BitConverter.GetBytes(42f)));
        Assert.AreEqual(42f, BitConverter.ToSingle(table.FindSymbol("Setpoint")!.ReadValue()));
        Assert.HasCount(2, seen);
        Assert.AreEqual(("Setpoint", TestServer.ClientAddress, true), (seen[1].Path, seen[1].Sender, seen[1].IsWholeValue));
    }

    [TestMethod]
    public async Task AThrowingValidatorAnswersDeviceErrorAndTheServerCarriesOn()
    {
        var table = SampleBoards.CreateTable();
        table.Publish("Fragile", PlcTypes.Bool, 0x4050, 0);
        table.EnableWrites("Fragile", _ => throw new InvalidOperationException("application bug"));
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(symbols: table, logger: log);
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.DeviceError, await client.WriteAsync(0x4050, 0, new byte[] { 1 }));
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState);
        Assert.IsTrue(log.Entries.Any(e => e.Level == LogLevel.Error));
    }
}

using Edge.Ads.Ams;
using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Tests.Server;

/// <summary>AMS/TCP commands (ads-protocol.md §1.1) and framing faults, which end the connection with a log line naming them.</summary>
[TestClass]
public sealed class AmsTcpCommandTests
{
    [TestMethod]
    public async Task PortConnectHandsOutAnAddressTheClientThenUses()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        var assigned = await PortConnectAsync(socket);
        Assert.AreEqual(TestServer.ServerNetId, assigned.NetId);
        Assert.IsGreaterThanOrEqualTo(32768, (int)assigned.Port);

        await socket.SendAsync(RawAmsSocket.Request(server.Device, assigned, AdsCommandId.ReadState, []));
        var (header, _) = await socket.ReadAnswerAsync();
        Assert.AreEqual((assigned, AdsErrorCode.NoError), (header.Target, header.ErrorCode));
    }

    [TestMethod]
    public async Task WithANetIdAllowListPortConnectIsRefusedUnlessTheListNamesTheServer()
    {
        // Port connect hands out the server's own net id: if that passed a list that does not hold
        // it, any peer allowed by IP could bypass the list (issue 12).
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(o => o.AllowedNetIds.Add(AmsNetId.Parse("10.10.10.10.1.1")), logger: log);
        await using (var socket = await server.ConnectRawAsync())
        {
            await socket.SendAsync(Hex.Parse("00 10  02 00 00 00  00 00"));
            Assert.IsTrue(await socket.IsClosedByServerAsync(), "no address is handed out");
        }
        Assert.IsTrue(log.Contains(LogLevel.Warning, $"its clients send as {TestServer.ServerNetId}, which the net-id allow-list does not hold"));
        await using (var spoofer = await server.ConnectRawAsync())
        {
            // Nor may a client simply claim the address port connect would have handed out.
            await spoofer.SendAsync(RawAmsSocket.Request(server.Device, new AmsAddress(TestServer.ServerNetId, 32768), AdsCommandId.ReadState, []));
            Assert.IsTrue(await spoofer.IsClosedByServerAsync());
        }

        await using var listed = await TestServer.StartAsync(o => o.AllowedNetIds.Add(TestServer.ServerNetId));
        await using var client = await listed.ConnectRawAsync();
        var assigned = await PortConnectAsync(client);
        await client.SendAsync(RawAmsSocket.Request(listed.Device, assigned, AdsCommandId.ReadState, []));
        Assert.AreEqual(AdsErrorCode.NoError, (await client.ReadAnswerAsync()).Header.ErrorCode, "listed, the handed-out address passes");
    }

    private static async Task<AmsAddress> PortConnectAsync(RawAmsSocket socket)
    {
        await socket.SendAsync(Hex.Parse("00 10  02 00 00 00  00 00")); // port connect, any port
        var reply = await socket.ReadFrameAsync() ?? throw new AssertFailedException("no port-connect reply");
        Assert.AreEqual(new AmsTcpHeader(AmsTcpCommand.PortConnect, 8), reply.TcpHeader);
        return AmsAddress.Read(reply.Body.Span);
    }

    [TestMethod]
    public async Task PortCloseEndsTheConnection()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(Hex.Parse("01 00  02 00 00 00  F0 7F"));
        Assert.IsTrue(await socket.IsClosedByServerAsync());
    }

    [TestMethod]
    public async Task GetLocalNetIdAnswersOurNetId()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(Hex.Parse("02 10  04 00 00 00  00 00 00 00"));
        var reply = await socket.ReadFrameAsync() ?? throw new AssertFailedException("no reply");
        Assert.AreEqual(TestServer.ServerNetId, AmsNetId.Read(reply.Body.Span));
    }

    [TestMethod]
    [DataRow("34 12  02 00 00 00  00 00", "unknown AMS/TCP command 0x1234", DisplayName = "unknown AMS/TCP command")]
    [DataRow("00 00  0A 00 00 00  00 00 00 00 00 00 00 00 00 00", "too short for the 32-byte AMS header", DisplayName = "ADS frame without a whole AMS header")]
    [DataRow("00 10  03 00 00 00  00 00 00", "carries 3 bytes instead of a 2-byte port", DisplayName = "port connect with 3 bytes")]
    [DataRow("00 00  FF FF FF 7F  00 00", "the limit is 1048576", DisplayName = "length field of 2 GB")]
    public async Task FramingFaultsCloseTheConnectionAndAreLogged(string hex, string logged)
    {
        var log = new CapturingLogger();
        await using var server = await TestServer.StartAsync(logger: log);
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(Hex.Parse(hex));
        Assert.IsTrue(await socket.IsClosedByServerAsync());
        await Eventually.TrueAsync(() => log.Contains(LogLevel.Warning, logged), $"a warning containing '{logged}'");
        Assert.AreEqual(1, server.Server.Statistics.ProtocolViolations);
    }

    [TestMethod]
    public async Task PortConnectCanBeSwitchedOff()
    {
        await using var server = await TestServer.StartAsync(o => o.AllowPortConnect = false);
        await using var socket = await server.ConnectRawAsync();
        await socket.SendAsync(Hex.Parse("00 10  02 00 00 00  00 00"));
        Assert.IsTrue(await socket.IsClosedByServerAsync());
    }

    [TestMethod]
    public async Task AnOversizedFrameWhoseHeaderArrivedIsAnsweredBeforeClosing()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxFrameSize = 4096);
        await using var socket = await server.ConnectRawAsync();
        var frame = server.Request(AdsCommandId.ReadWrite, new byte[5000], invokeId: 77);
        await socket.SendAsync(frame[..AmsFrame.HeaderSize]);
        var (header, payload) = await socket.ReadAnswerAsync();
        Assert.AreEqual(77u, header.InvokeId);
        CollectionAssert.AreEqual(Payloads.U32((uint)AdsErrorCode.DeviceInvalidSize, 0), payload, "the 8-byte ReadWrite error shape");
        Assert.IsTrue(await socket.IsClosedByServerAsync());
    }

    [TestMethod]
    public async Task FramesSplitOrJoinedByTcpAreAllAnsweredInOrder()
    {
        await using var server = await TestServer.StartAsync();
        await using var socket = await server.ConnectRawAsync();
        foreach (byte b in server.Request(AdsCommandId.ReadState, [], invokeId: 1000))
            await socket.SendAsync([b]);
        Assert.AreEqual(1000u, (await socket.ReadAnswerAsync()).Header.InvokeId);

        var batch = Enumerable.Range(0, 50).SelectMany(i => server.Request(AdsCommandId.Read, Payloads.Read(0x4040, (uint)i, 4), (uint)i)).ToArray();
        await socket.SendAsync(batch);
        for (uint i = 0; i < 50; i++)
            Assert.AreEqual(i, (await socket.ReadAnswerAsync()).Header.InvokeId);
    }
}

using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Server;

/// <summary>Variable handles (0xF003, 0xF005, 0xF006) as a PLC and as ads-client use them.</summary>
[TestClass]
public sealed class HandleTests
{
    [TestMethod]
    public async Task APlcGetsThePlainFourByteHandle()
    {
        await using var server = await TestServer.StartAsync();
        var values = SampleBoards.Fill(server.Board(1), seed: 3);
        await using var client = await server.ConnectAsync();
        // ADSRDWRT(IDXGRP := 16#F003, READLEN := 4, ...) then ADSREAD(16#F005, handle) then ADSWRITE(16#F006).
        var reply = (await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name("Board1.Metrics.Inferences"))).GetDataOrThrow("0xF003");
        Assert.HasCount(4, reply);
        uint handle = BitConverter.ToUInt32(reply);
        var value = (await client.ReadAsync(AdsIndexGroup.SymbolValueByHandle, handle, 4)).GetDataOrThrow("0xF005");
        Assert.AreEqual(values.Inferences, BitConverter.ToUInt32(value));
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteAsync(AdsIndexGroup.SymbolReleaseHandle, 0, BitConverter.GetBytes(handle)));
        Assert.AreEqual(AdsErrorCode.DeviceSymbolNotFound, (await client.ReadAsync(AdsIndexGroup.SymbolValueByHandle, handle, 4)).ErrorCode);
    }

    [TestMethod]
    public async Task AdsClientGetsTheExtendedReplyAndReadsWithAnyLargeLength()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var data = (await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, uint.MaxValue, Payloads.Name("board1.metrics"))).GetDataOrThrow("0xF003");
        var reply = AdsSymbolHandleReply.ReadExtended(data);
        Assert.AreEqual((80u, "ST_BoardMetrics"), (reply.Size, reply.TypeName));
        Assert.HasCount(80, (await client.ReadAsync(AdsIndexGroup.SymbolValueByHandle, reply.Handle, uint.MaxValue)).Data, "at most the value's size comes back");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await client.ReadAsync(AdsIndexGroup.SymbolValueByHandle, reply.Handle, 79)).ErrorCode);
    }

    [TestMethod]
    public async Task WritesByHandleFollowTheSameAccessRules()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        uint ack = await Handle(client, "Board1.Metrics.AlarmAck");
        uint alarm = await Handle(client, "Board1.Metrics.Alarm");
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteAsync(AdsIndexGroup.SymbolValueByHandle, ack, new byte[] { 1 }));
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await client.WriteAsync(AdsIndexGroup.SymbolValueByHandle, alarm, new byte[] { 1 }));
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, await client.WriteAsync(AdsIndexGroup.SymbolValueByHandle, ack, new byte[] { 1, 0 }));
        var reader = new PlcValueReader(server.Board(1).ReadValue());
        Assert.IsTrue(reader.GetBool(SampleBoards.BoardType.Locate("Metrics.AlarmAck")));
        Assert.IsFalse(reader.GetBool(SampleBoards.BoardType.Locate("Metrics.Alarm")));
    }

    [TestMethod]
    public async Task HandlesBelongToTheirConnection()
    {
        await using var server = await TestServer.StartAsync();
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        uint handle = await Handle(first, "Board1.Id");
        Assert.AreEqual(AdsErrorCode.DeviceSymbolNotFound, (await second.ReadAsync(AdsIndexGroup.SymbolValueByHandle, handle, 4)).ErrorCode);
        Assert.AreEqual(AdsErrorCode.DeviceSymbolVersionInvalid, await second.WriteAsync(AdsIndexGroup.SymbolReleaseHandle, 0, BitConverter.GetBytes(handle)));
        Assert.AreEqual(AdsErrorCode.NoError, (await first.ReadAsync(AdsIndexGroup.SymbolValueByHandle, handle, 4)).ErrorCode);
    }

    [TestMethod]
    public async Task HandlesAreLimitedPerConnection()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxHandlesPerConnection = 3);
        await using var client = await server.ConnectAsync();
        for (int i = 0; i < 3; i++)
            await Handle(client, "Board1.Id");
        Assert.AreEqual(AdsErrorCode.DeviceNoMoreHandles, (await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name("Board1.Id"))).ErrorCode);
    }

    [TestMethod]
    public async Task AHandleToARemovedSymbolReportsTheVersionChange()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        uint handle = await Handle(client, "Board2.Metrics.AnomalyRate");
        server.Symbols.Unpublish("Board2");
        Assert.AreEqual(AdsErrorCode.DeviceSymbolVersionInvalid, (await client.ReadAsync(AdsIndexGroup.SymbolValueByHandle, handle, 4)).ErrorCode);
    }

    internal static async Task<uint> Handle(AdsTcpClient client, string name) =>
        BitConverter.ToUInt32((await client.ReadWriteAsync(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name(name))).GetDataOrThrow($"handle for {name}"));
}

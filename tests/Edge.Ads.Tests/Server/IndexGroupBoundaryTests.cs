using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// Each index group's limits at the exact boundary, one byte either side, with the answers written
/// out as the bytes of ads-protocol.md §1.3 (Read and ReadWrite answer <c>u32 result, u32 length,
/// data</c>) and §2.1 (the groups' layouts). Sample data: group 0x4040 holds 184 bytes.
/// </summary>
[TestClass]
public sealed class IndexGroupBoundaryTests
{
    private static TestServer _server = null!;
    private static RawAmsSocket _socket = null!;
    private static uint _invokeId;

    [ClassInitialize]
    public static async Task Start(TestContext _)
    {
        _server = await TestServer.StartAsync(o => o.MaxSumCommands = 4);
        _server.Server.SetState(AdsState.Stop, 0x0A0B);
        _socket = await _server.ConnectRawAsync();
    }

    [ClassCleanup]
    public static async Task Stop()
    {
        await _socket.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static async Task<string> Answer(AdsCommandId command, byte[] payload, ushort? port = null)
    {
        uint id = ++_invokeId;
        await _socket.SendAsync(_server.Request(command, payload, id, port));
        var (header, answer) = await _socket.ReadAnswerAsync();
        Assert.AreEqual((id, AdsErrorCode.NoError), (header.InvokeId, header.ErrorCode));
        return Convert.ToHexString(answer);
    }

    private static Task<string> Read(uint group, uint offset, uint length) => Answer(AdsCommandId.Read, Payloads.Read(group, offset, length));

    private static Task<string> ReadWrite(uint group, uint offset, uint readLength, byte[] data) =>
        Answer(AdsCommandId.ReadWrite, Payloads.ReadWrite(group, offset, readLength, data));

    private static string Hex(string spaced) => spaced.Replace(" ", "");

    [TestMethod]
    public async Task AReadMayEndExactlyAtTheEndOfADataGroup()
    {
        Assert.AreEqual(Hex("00000000 00000000"), await Read(0x4040, 184, 0), "zero bytes at the end");
        Assert.AreEqual(Hex("03070000 00000000"), await Read(0x4040, 185, 0), "0x703 one past it");
        Assert.AreEqual(Hex("00000000 08000000 0000000000000000"), await Read(0x4040, 176, 8), "the last 8 bytes");
        Assert.AreEqual(Hex("05070000 00000000"), await Read(0x4040, 177, 8), "0x705 one byte too many");
    }

    [TestMethod]
    public async Task TheDeviceDataGroupAnswersEachByteOfItsFour()
    {
        // Stop = 6, device state 0x0A0B: bytes 06 00 0B 0A
        Assert.AreEqual(Hex("00000000 01000000 0A"), await Read(AdsIndexGroup.DeviceData, 3, 1));
        Assert.AreEqual(Hex("00000000 00000000"), await Read(AdsIndexGroup.DeviceData, 0, 0));
        Assert.AreEqual(Hex("00000000 03000000 00 0B0A"), await Read(AdsIndexGroup.DeviceData, 1, 3));
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.DeviceData, 1, 4));
        Assert.AreEqual(Hex("03070000 00000000"), await Read(AdsIndexGroup.DeviceData, 4, 0));
    }

    [TestMethod]
    public async Task TheUploadInfoHasTheSizeTheReadLengthAllows()
    {
        // 0xF00F: 24 bytes unless the client reads at least 64 (§2.5); 0xF00C: 8 bytes.
        // 3 symbols; every upload info starts with the symbol count.
        StringAssert.StartsWith(await Read(AdsIndexGroup.SymbolUploadInfo2, 0, 24), Hex("00000000 18000000 03000000"));
        StringAssert.StartsWith(await Read(AdsIndexGroup.SymbolUploadInfo2, 0, 63), Hex("00000000 18000000 03000000"));
        StringAssert.StartsWith(await Read(AdsIndexGroup.SymbolUploadInfo2, 0, 64), Hex("00000000 40000000 03000000"));
        StringAssert.StartsWith(await Read(AdsIndexGroup.SymbolUploadInfo, 0, 8), Hex("00000000 08000000 03000000"));
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.SymbolUploadInfo2, 0, 23));
        Assert.AreEqual(Hex("03070000 00000000"), await Read(AdsIndexGroup.SymbolUploadInfo2, 1, 64));
        Assert.AreEqual(Hex("03070000 00000000"), await Read(AdsIndexGroup.SymbolUploadInfo, 1, 8));
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.SymbolUploadInfo, 0, 7));
    }

    [TestMethod]
    public async Task TheUploadsAndTheVersionNeedTheirWholeSize()
    {
        string info = await Read(AdsIndexGroup.SymbolUploadInfo2, 0, 24);
        uint symbolLength = Convert.ToUInt32(info.Substring(2 * 12, 8), 16);
        uint typeLength = Convert.ToUInt32(info.Substring(2 * 20, 8), 16);
        symbolLength = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(symbolLength);
        typeLength = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(typeLength);
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.SymbolUpload, 0, symbolLength - 1));
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.DataTypeUpload, 0, typeLength - 1));
        Assert.AreEqual(Hex("03070000 00000000"), await Read(AdsIndexGroup.DataTypeUpload, 1, typeLength));
        StringAssert.StartsWith(await Read(AdsIndexGroup.DataTypeUpload, 0, typeLength), "00000000" + Convert.ToHexString(BitConverter.GetBytes(typeLength)));
        Assert.AreEqual(Hex("00000000 01000000 04"), await Read(AdsIndexGroup.SymbolVersion, 0, 1), "published three times: version 1 + 3");
        Assert.AreEqual(Hex("00000000 01000000 04"), await Read(AdsIndexGroup.SymbolVersion, 0, 100), "one byte whatever the length");
    }

    [TestMethod]
    public async Task AHandleReplyIsExtendedOnlyWhenTheWholeExtendedReplyFits()
    {
        // Extended: u32 handle, u32 size (4), u32 decoration (0), u16 type length (4), "DINT\0" = 19 bytes.
        string extended = await ReadWrite(AdsIndexGroup.SymbolHandleByName, 0, 19, Payloads.Name("Board1.Id"));
        StringAssert.StartsWith(extended, Hex("00000000 13000000"));
        StringAssert.EndsWith(extended, Hex("04000000 00000000 0400 44494E5400"));
        string plain = await ReadWrite(AdsIndexGroup.SymbolHandleByName, 0, 18, Payloads.Name("Board1.Id"));
        Assert.AreEqual(24, plain.Length, "u32 result, u32 length 4, u32 handle");
        StringAssert.StartsWith(plain, Hex("00000000 04000000"));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SymbolHandleByName, 0, 3, Payloads.Name("Board1.Id")));
    }

    [TestMethod]
    public async Task ValuesByNameAndByHandleNeedRoomForTheWholeValue()
    {
        // GVL.Temperatures: ARRAY [1..4] OF INT, 8 zero bytes
        Assert.AreEqual(Hex("00000000 08000000 0000000000000000"), await ReadWrite(AdsIndexGroup.SymbolValueByName, 0, 8, Payloads.Name("GVL.Temperatures")));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SymbolValueByName, 0, 7, Payloads.Name("GVL.Temperatures")));
        string reply = await ReadWrite(AdsIndexGroup.SymbolHandleByName, 0, 4, Payloads.Name("GVL.Temperatures"));
        uint handle = Convert.ToUInt32(reply[16..24], 16);
        handle = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(handle);
        Assert.AreEqual(Hex("00000000 08000000 0000000000000000"), await Read(AdsIndexGroup.SymbolValueByHandle, handle, 8));
        Assert.AreEqual(Hex("05070000 00000000"), await Read(AdsIndexGroup.SymbolValueByHandle, handle, 7));
        // symbol address 0xF007: u32 group, u32 offset, u32 size into exactly 12 bytes
        Assert.AreEqual(Hex("00000000 0C000000 40400000 B0000000 08000000"), await ReadWrite(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name("GVL.Temperatures")));
    }

    [TestMethod]
    public async Task SumCommandsCheckTheirCountAndLengthsExactly()
    {
        byte[] Records(int n) => Enumerable.Range(0, n).SelectMany(_ => Payloads.U32(0x4040, 176, 2)).ToArray();
        // the limit (4 here) is allowed, one more is 0x70B
        Assert.AreEqual(Hex("00000000 18000000") + Hex("00000000 00000000 00000000 00000000 0000 0000 0000 0000"),
            await ReadWrite(AdsIndexGroup.SumRead, 4, 24, Records(4)), "4 results + 4 x 2 data bytes = 24, exactly the read length");
        Assert.AreEqual(Hex("0B070000 00000000"), await ReadWrite(AdsIndexGroup.SumRead, 5, 1000, Records(5)));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumRead, 4, 23, Records(4)));

        // sum write: one u32 result per write; the read length must hold them
        var writes = Payloads.U32(0x4040, 13, 1, 0x4040, 101, 1).Concat(new byte[] { 0, 0 }).ToArray();
        Assert.AreEqual(Hex("00000000 08000000 00000000 00000000"), await ReadWrite(AdsIndexGroup.SumWrite, 2, 8, writes));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumWrite, 2, 7, writes));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumWrite, 2, 8, writes[..^1]), "one data byte short");
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumWrite, 2, 8, [.. writes, 0]), "one data byte too many");

        // sum read-write: n x {u32 result, u32 length} + data, into exactly that many bytes
        var symbolAddress = Payloads.U32(AdsIndexGroup.SymbolInfoByName, 0, 12, 17).Concat(Payloads.Name("GVL.Temperatures")).ToArray();
        Assert.AreEqual(Hex("00000000 14000000 00000000 0C000000 40400000 B0000000 08000000"),
            await ReadWrite(AdsIndexGroup.SumReadWrite, 1, 20, symbolAddress));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumReadWrite, 1, 19, symbolAddress));
        Assert.AreEqual(Hex("05070000 00000000"), await ReadWrite(AdsIndexGroup.SumReadWrite, 1, 20, symbolAddress[..^1]));
    }

    [TestMethod]
    public async Task ADataGroupWithoutSymbolsIsUnknownForEveryDirection()
    {
        Assert.AreEqual(Hex("02070000 00000000"), await Read(0x1234, 0, 1));
        Assert.AreEqual(Hex("02070000 00000000"), await ReadWrite(0x1234, 0, 1, [0]), "0x702, not the 0x701 of a group that holds symbols");
        Assert.AreEqual(Hex("01070000 00000000"), await ReadWrite(0x4040, 0, 1, [0]), "a group with symbols offers no read-write");
        Assert.AreEqual(Hex("02070000"), await Answer(AdsCommandId.Write, [.. Payloads.U32(0x1234, 0, 1), 0]));
    }

    [TestMethod]
    public async Task NamesUpToTheLimitAreLookedUpAfterTrimming()
    {
        // 1024 characters (the limit) plus the NUL: "Board1.Id" or "DINT" followed by spaces
        string Padded(string name) => name.PadRight(1024);
        Assert.AreEqual(Hex("00000000 0C000000 40400000 00000000 04000000"),
            await ReadWrite(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name(Padded("Board1.Id"))));
        Assert.AreEqual(Hex("10070000 00000000"), await ReadWrite(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name(Padded("Board1.Id") + " ")), "1025 characters");
        StringAssert.StartsWith(await ReadWrite(AdsIndexGroup.DataTypeInfoByNameEx, 0, 1000, Payloads.Name(Padded("DINT"))), "00000000");
        Assert.AreEqual(Hex("10070000 00000000"), await ReadWrite(AdsIndexGroup.DataTypeInfoByNameEx, 0, 1000, Payloads.Name(Padded("DINT") + " ")));
        // paths that begin with a separator are simply not found
        Assert.AreEqual(Hex("10070000 00000000"), await ReadWrite(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name(".Board1")));
        Assert.AreEqual(Hex("10070000 00000000"), await ReadWrite(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name("[1]")));
    }

    [TestMethod]
    public async Task ASumReadWriteDropsTheBytesOfAFailedSubRequest()
    {
        // the symbol entry of Board1 does not fit 10 bytes: 0x705 and no data, then the next sub-request's answer
        var data = Payloads.U32(AdsIndexGroup.SymbolInfoByNameEx, 0, 10, 7, AdsIndexGroup.SymbolInfoByName, 0, 12, 7)
            .Concat(Payloads.Name("Board1")).Concat(Payloads.Name("Board2")).ToArray();
        Assert.AreEqual(Hex("00000000 1C000000 05070000 00000000 00000000 0C000000 40400000 58000000 58000000"),
            await ReadWrite(AdsIndexGroup.SumReadWrite, 2, 1000, data));
    }

    [TestMethod]
    public async Task TheSystemServiceOffersNoNotifications()
    {
        var add = Payloads.U32(0x4040, 0, 4, 4, 0, 0, 0, 0, 0, 0);
        Assert.AreEqual(Hex("01070000"), await Answer(AdsCommandId.AddDeviceNotification, add, AmsPort.SystemService));
    }

    [TestMethod]
    public async Task AClientWriteIsLoggedWithItsPathOnlyWhenItLands()
    {
        var log = new CapturingLogger();
        var table = SampleBoards.CreateTable();
        table.EnableWrites("GVL.Temperatures", write => write.Data.Span[0] == 0xEE ? AdsErrorCode.DeviceInvalidData : AdsErrorCode.NoError);
        await using var server = await TestServer.StartAsync(symbols: table, logger: log);
        await using var client = await server.ConnectAsync();
        Assert.AreEqual(AdsErrorCode.DeviceInvalidData, await client.WriteAsync(0x4040, 176, new byte[] { 0xEE, 0 }));
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, await client.WriteAsync(0x4040, 0, new byte[] { 1 }));
        Assert.IsFalse(log.Entries.Any(e => e.Message.Contains("wrote", StringComparison.Ordinal)), "refused writes are not logged as writes");
        Assert.AreEqual(AdsErrorCode.NoError, await client.WriteAsync(0x4040, 178, new byte[] { 7, 0 }));
        Assert.IsTrue(log.Contains(LogLevel.Information, "wrote 2 bytes to GVL.Temperatures"));
    }

    [TestMethod]
    public async Task OnlyTheSumGroupsF080ToF086AreRefusedInsideASum()
    {
        byte[] Sub(uint group) => Payloads.U32(group, 0, 1);
        Assert.AreEqual(Hex("00000000 05000000 01070000 00"), await ReadWrite(AdsIndexGroup.SumRead, 1, 5, Sub(0xF086)), "0x701: sums do not nest");
        Assert.AreEqual(Hex("00000000 05000000 01070000 00"), await ReadWrite(AdsIndexGroup.SumRead, 1, 5, Sub(0xF080)));
        Assert.AreEqual(Hex("00000000 05000000 02070000 00"), await ReadWrite(AdsIndexGroup.SumRead, 1, 5, Sub(0xF087)), "0x702: an unknown group, read as one");
        Assert.AreEqual(Hex("00000000 05000000 02070000 00"), await ReadWrite(AdsIndexGroup.SumRead, 1, 5, Sub(0xF07F)));
        // 0x701 also for a nested sum write and read-write
        Assert.AreEqual(Hex("00000000 04000000 01070000"), await ReadWrite(AdsIndexGroup.SumWrite, 1, 4, [.. Payloads.U32(0xF081, 0, 1), 0]));
        Assert.AreEqual(Hex("00000000 08000000 01070000 00000000"), await ReadWrite(AdsIndexGroup.SumReadWrite, 1, 8, [.. Payloads.U32(0xF082, 0, 4, 1), 0]));
        // 0xF080 inside a read-write would run as a sum read if it were let through: refused
        var innerSumRead = Payloads.U32(0xF080, 1, 6, 12).Concat(Payloads.U32(0x4040, 176, 2)).ToArray();
        Assert.AreEqual(Hex("00000000 08000000 01070000 00000000"), await ReadWrite(AdsIndexGroup.SumReadWrite, 1, 100, innerSumRead));
        Assert.AreEqual(Hex("00000000 04000000 01070000"), await ReadWrite(AdsIndexGroup.SumWrite, 1, 4, [.. Payloads.U32(0xF086, 0, 1), 0]), "0xF086 too");
    }
}

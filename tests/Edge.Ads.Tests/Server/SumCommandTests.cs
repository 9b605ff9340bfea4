using Edge.Ads.Client;
using Edge.Ads.Messages;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Server;

/// <summary>Sum commands 0xF080-0xF082 with the answer layouts of ads-protocol.md §2.1.</summary>
[TestClass]
public sealed class SumCommandTests
{
    [TestMethod]
    public async Task SumReadAnswersResultsThenEachRequestedLengthPaddedOnError()
    {
        await using var server = await TestServer.StartAsync();
        var values = SampleBoards.Fill(server.Board(1), seed: 8);
        await using var client = await server.ConnectAsync();
        var requests = Payloads.U32(
            0x4040, 0, 4,       // Board1.Id
            0x4040, 9999, 2,    // outside: 0x703, 2 zero bytes
            0xF008, 0, 1);      // symbol version
        var answer = (await client.ReadWriteAsync(AdsIndexGroup.SumRead, 3, 3 * 4 + 7, requests)).GetDataOrThrow("sum read");
        Assert.HasCount(3 * 4 + 4 + 2 + 1, answer);
        CollectionAssert.AreEqual(new uint[] { 0, (uint)AdsErrorCode.DeviceInvalidOffset, 0 },
            Enumerable.Range(0, 3).Select(i => BitConverter.ToUInt32(answer, 4 * i)).ToArray());
        Assert.AreEqual(values.Id, BitConverter.ToInt32(answer, 12));
        CollectionAssert.AreEqual(new byte[] { 0, 0 }, answer[16..18]);
        Assert.AreEqual(server.Symbols.SymbolVersion, answer[18]);
    }

    [TestMethod]
    public async Task SumWriteAnswersOneResultPerWrite()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var data = Payloads.U32(0x4040, 13, 1, 0x4040, 12, 1).Concat(new byte[] { 1, 1 }).ToArray(); // ack (writable), alarm (read-only)
        var answer = (await client.ReadWriteAsync(AdsIndexGroup.SumWrite, 2, 8, data)).GetDataOrThrow("sum write");
        CollectionAssert.AreEqual(Payloads.U32(0, (uint)AdsErrorCode.DeviceAccessDenied), answer);
        var reader = new PlcValueReader(server.Board(1).ReadValue());
        Assert.IsTrue(reader.GetBool(SampleBoards.BoardType.Locate("Metrics.AlarmAck")));
        Assert.IsFalse(reader.GetBool(SampleBoards.BoardType.Locate("Metrics.Alarm")));
    }

    [TestMethod]
    public async Task SumReadWriteMakesHandlesTheWayAdsClientDoes()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var names = new[] { "Board1.Id", "Board1.Nope", "GVL.Temperatures" };
        var records = names.SelectMany(n => Payloads.U32(AdsIndexGroup.SymbolHandleByName, 0, 0xFFFF, (uint)(n.Length + 1)));
        var data = records.Concat(names.SelectMany(Payloads.Name)).ToArray();
        var answer = (await client.ReadWriteAsync(AdsIndexGroup.SumReadWrite, 3, 3 * 8 + 3 * 0xFFFF, data)).GetDataOrThrow("sum read-write");
        var results = Enumerable.Range(0, 3).Select(i => ((AdsErrorCode)BitConverter.ToUInt32(answer, 8 * i), BitConverter.ToInt32(answer, 8 * i + 4))).ToArray();
        Assert.AreEqual(AdsErrorCode.NoError, results[0].Item1);
        Assert.AreEqual((AdsErrorCode.DeviceSymbolNotFound, 0), results[1]);
        Assert.AreEqual(AdsErrorCode.NoError, results[2].Item1);
        var first = AdsSymbolHandleReply.ReadExtended(answer.AsSpan(24, results[0].Item2));
        var third = AdsSymbolHandleReply.ReadExtended(answer.AsSpan(24 + results[0].Item2, results[2].Item2));
        Assert.AreEqual(("DINT", "ARRAY [1..4] OF INT"), (first.TypeName, third.TypeName));
        Assert.AreEqual(24 + results[0].Item2 + results[2].Item2, answer.Length);

        // Released together with a sum write of 0xF006, as deleteVariableHandleMulti does.
        var release = Payloads.U32(0xF006, 0, 4, 0xF006, 0, 4, first.Handle, third.Handle);
        CollectionAssert.AreEqual(Payloads.U32(0, 0), (await client.ReadWriteAsync(AdsIndexGroup.SumWrite, 2, 8, release)).GetDataOrThrow("release"));
    }

    [TestMethod]
    public async Task SumCommandsDoNotNest()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var answer = (await client.ReadWriteAsync(AdsIndexGroup.SumRead, 1, 4 + 8, Payloads.U32(AdsIndexGroup.SumRead, 1, 8))).GetDataOrThrow("sum read");
        Assert.AreEqual((uint)AdsErrorCode.DeviceServiceNotSupported, BitConverter.ToUInt32(answer));
    }

    // The frame limit counts the whole frame: AMS/TCP header (6 bytes), AMS header (32), then the
    // read-write answer's result and length (4 + 4) before the sum answer (ADS spec, ads-protocol.md §1).
    private const int FrameLimit = 1024;
    private const int SumAnswerBudget = FrameLimit - 6 - 32 - 8;

    /// <summary>Byte arrays whose values fill a sum answer to the frame limit, one byte past it, or to the limit itself.</summary>
    private static AdsSymbolTable ByteArrays(out byte[] pattern)
    {
        var table = new AdsSymbolTable();
        pattern = Enumerable.Range(0, 2048).Select(i => (byte)(i * 7 + 3)).ToArray();
        table.Publish("Big.Bytes", PlcTypes.Array(PlcTypes.Byte, 0, 2047), SampleBoards.DataGroup, 0).Write(pattern);
        uint offset = 2048;
        foreach (var (name, size) in new[] { ("Big.Fits", SumAnswerBudget - 8), ("Big.Over", SumAnswerBudget - 7), ("Big.Frame", FrameLimit) })
        {
            table.Publish(name, PlcTypes.Array(PlcTypes.Byte, 1, size), SampleBoards.DataGroup, offset).Write(pattern.AsSpan(0, size));
            offset += (uint)size;
        }
        return table;
    }

    [TestMethod]
    public async Task ASumReadAnswerThatFillsTheFrameLimitIsServedAndOneByteMoreIsRefused()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxFrameSize = FrameLimit, ByteArrays(out var pattern));
        await using var client = await server.ConnectAsync();
        async Task<AdsReadResult> SumRead(int length) =>
            await client.ReadWriteAsync(AdsIndexGroup.SumRead, 1, 4096, Payloads.U32(SampleBoards.DataGroup, 0, (uint)length));

        // One sub-read: its result (4 bytes), then its data.
        var exact = (await SumRead(SumAnswerBudget - 4)).GetDataOrThrow("sum read at the frame limit");
        Assert.HasCount(SumAnswerBudget, exact);
        Assert.AreEqual(0u, BitConverter.ToUInt32(exact));
        CollectionAssert.AreEqual(pattern[..(SumAnswerBudget - 4)], exact[4..]);

        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await SumRead(SumAnswerBudget - 3)).ErrorCode, "one byte over the frame");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await SumRead(FrameLimit - 4)).ErrorCode, "a sum answer as long as a whole frame");
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState, "the connection still serves");
    }

    [TestMethod]
    public async Task ASumReadWriteAnswerThatFillsTheFrameLimitIsServedAndOneByteMoreIsRefused()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxFrameSize = FrameLimit, ByteArrays(out var pattern));
        await using var client = await server.ConnectAsync();
        async Task<AdsReadResult> ValueByName(string name) =>
            await client.ReadWriteAsync(AdsIndexGroup.SumReadWrite, 1, 4096,
                Payloads.U32(AdsIndexGroup.SymbolValueByName, 0, 4096, (uint)(name.Length + 1)).Concat(Payloads.Name(name)).ToArray());

        // One sub-command: its result and length (8 bytes), then the value.
        var exact = (await ValueByName("Big.Fits")).GetDataOrThrow("sum read-write at the frame limit");
        Assert.HasCount(SumAnswerBudget, exact);
        CollectionAssert.AreEqual(Payloads.U32(0, (uint)(SumAnswerBudget - 8)), exact[..8]);
        CollectionAssert.AreEqual(pattern[..(SumAnswerBudget - 8)], exact[8..]);

        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await ValueByName("Big.Over")).ErrorCode, "one byte over the frame");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, (await ValueByName("Big.Frame")).ErrorCode, "a value as long as a whole frame");
        Assert.AreEqual(AdsState.Run, (await client.ReadStateAsync()).AdsState, "the connection still serves");
    }
}

using Edge.Ads.Client;
using Edge.Ads.Protocol;
using Edge.Ads.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Server;

/// <summary>Symbol and data-type services: by name, uploads, the version, raw memory reads.</summary>
[TestClass]
public sealed class SymbolServiceTests
{
    [TestMethod]
    public async Task SymbolInfoOfAPublishedSymbol()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var entry = await SymbolEntry(client, "Board1");
        var expected = new AdsSymbolEntry(0x4040, 0, 88, AdsDataTypeId.BigType, AdsSymbolFlags.ReadOnly, "Board1", "ST_Board", "first board", []);
        Assert.AreEqual(expected, entry with { ArrayInfo = expected.ArrayInfo });
        Assert.IsEmpty(entry.ArrayInfo);
    }

    [TestMethod]
    [DataRow("board1.metrics.alarmack", "Board1.Metrics.AlarmAck", 13u, "BOOL", AdsDataTypeId.Bit, AdsSymbolFlags.None, DisplayName = "a writable member, any case")]
    [DataRow("Board2.Metrics.FeatureDrift[7]", "Board2.Metrics.FeatureDrift[7]", 88u + 48, "REAL", AdsDataTypeId.Real32, AdsSymbolFlags.ReadOnly, DisplayName = "an element inside the second board")]
    [DataRow("gvl.temperatures[2]", "GVL.Temperatures[2]", 176u + 2, "INT", AdsDataTypeId.Int16, AdsSymbolFlags.ReadOnly, DisplayName = "an element of a dotted symbol")]
    public async Task SymbolInfoOfAPathBelowASymbol(string path, string name, uint offset, string type, AdsDataTypeId dataType, AdsSymbolFlags flags)
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var entry = await SymbolEntry(client, path);
        Assert.AreEqual((name, offset, type, dataType, flags), (entry.Name, entry.IndexOffset, entry.TypeName, entry.DataType, entry.Flags));

        var address = (await client.ReadWriteAsync(AdsIndexGroup.SymbolInfoByName, 0, 12, Payloads.Name(path))).GetDataOrThrow("0xF007");
        CollectionAssert.AreEqual(Payloads.U32(0x4040, offset, entry.Size), address);
    }

    [TestMethod]
    public async Task DataTypesAreAnsweredUnderTheirExactNames()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var metrics = await DataType(client, "ST_BoardMetrics");
        Assert.AreEqual(80u, metrics.Size);
        CollectionAssert.AreEqual(
            SampleBoards.MetricsType.Members.Select(m => (m.Name, m.Type.Name, (uint)m.Offset)).ToArray(),
            metrics.SubItems.Select(s => (s.Name, s.TypeName, s.Offset)).ToArray());
        foreach (var item in metrics.SubItems)
            Assert.AreEqual(item.TypeName, (await DataType(client, item.TypeName)).Name, "every member type resolves by the name the member carries");
        Assert.AreEqual("REAL", (await DataType(client, "array [0..7] OF real")).TypeName, "names ignore case");
        Assert.AreEqual(16u, (await DataType(client, "STRING(15)")).Size);
    }

    [TestMethod]
    public async Task UploadsMatchTheSizesTheUploadInfoAnnounces()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        var info = AdsUploadInfo.Read((await client.ReadAsync(AdsIndexGroup.SymbolUploadInfo2, 0, 64)).GetDataOrThrow("0xF00F"));
        var shortInfo = AdsUploadInfo.Read((await client.ReadAsync(AdsIndexGroup.SymbolUploadInfo, 0, 8)).GetDataOrThrow("0xF00C"));
        Assert.AreEqual((info.SymbolCount, info.SymbolLength), (shortInfo.SymbolCount, shortInfo.SymbolLength));

        var symbols = (await client.ReadAsync(AdsIndexGroup.SymbolUpload, 0, info.SymbolLength)).GetDataOrThrow("0xF00B");
        Assert.AreEqual(info.SymbolLength, (uint)symbols.Length);
        CollectionAssert.AreEqual(new[] { "Board1", "Board2", "GVL.Temperatures" }, Entries(symbols, AdsSymbolEntryCodec.Read).Select(e => e.Name).ToArray());

        var types = (await client.ReadAsync(AdsIndexGroup.DataTypeUpload, 0, info.DataTypeLength)).GetDataOrThrow("0xF00E");
        Assert.AreEqual(info.DataTypeLength, (uint)types.Length);
        var names = Entries(types, AdsDataTypeEntryCodec.Read).Select(e => e.Name).ToArray();
        Assert.AreEqual((int)info.DataTypeCount, names.Length);
        foreach (var expected in new[] { "ST_Board", "ST_BoardMetrics", "ARRAY [0..7] OF REAL", "ARRAY [1..4] OF INT", "STRING(15)", "DINT", "BOOL", "LREAL" })
            CollectionAssert.Contains(names, expected);
        Assert.AreEqual(AdsUploadInfoFlags.Is64Bit | AdsUploadInfoFlags.IncludesBaseTypes, info.Flags);
    }

    [TestMethod]
    public async Task ValueByNameAndRawMemoryShowWhatTheApplicationWrote()
    {
        await using var server = await TestServer.StartAsync();
        SampleBoards.Fill(server.Board(1), seed: 5);
        SampleBoards.Fill(server.Board(2), seed: 6);
        await using var client = await server.ConnectAsync();
        var byName = (await client.ReadWriteAsync(AdsIndexGroup.SymbolValueByName, 0, uint.MaxValue, Payloads.Name("Board2"))).GetDataOrThrow("0xF004");
        CollectionAssert.AreEqual(server.Board(2).ReadValue(), byName);
        // A PLC reads the memory map with one ADSREAD: both boards back to back.
        var map = (await client.ReadAsync(0x4040, 0, 176)).GetDataOrThrow("read");
        CollectionAssert.AreEqual(server.Board(1).ReadValue().Concat(server.Board(2).ReadValue()).ToArray(), map);
    }

    [TestMethod]
    public async Task PublishingAndRemovingBumpTheSymbolVersion()
    {
        await using var server = await TestServer.StartAsync();
        await using var client = await server.ConnectAsync();
        byte Version(byte[] data) => data.Single();
        byte before = Version((await client.ReadAsync(AdsIndexGroup.SymbolVersion, 0, 1)).Data);
        server.Symbols.Publish("Board3", SampleBoards.BoardType, 0x4041, 0);
        Assert.AreEqual((byte)(before + 1), Version((await client.ReadAsync(AdsIndexGroup.SymbolVersion, 0, 1)).Data));
        Assert.AreEqual("Board3", (await SymbolEntry(client, "Board3")).Name);

        Assert.IsTrue(server.Symbols.Unpublish("board3"));
        Assert.AreEqual((byte)(before + 2), Version((await client.ReadAsync(AdsIndexGroup.SymbolVersion, 0, 1)).Data));
        Assert.AreEqual(AdsErrorCode.DeviceSymbolNotFound, (await client.ReadWriteAsync(AdsIndexGroup.SymbolInfoByNameEx, 0, uint.MaxValue, Payloads.Name("Board3"))).ErrorCode);
    }

    [TestMethod]
    public void PublishingRefusesOverlapsReservedGroupsAndConflictingTypes()
    {
        var table = SampleBoards.CreateTable();
        Assert.ThrowsExactly<ArgumentException>(() => table.Publish("Overlap", PlcTypes.DInt, 0x4040, 86));
        Assert.ThrowsExactly<ArgumentException>(() => table.Publish("board1", PlcTypes.DInt, 0x5000, 0), "names ignore case");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => table.Publish("X", PlcTypes.DInt, 0xF020, 0));
        Assert.ThrowsExactly<ArgumentException>(() => table.Publish("Bad Name", PlcTypes.DInt, 0x5000, 0));
        var impostor = new PlcStructBuilder("ST_Board").Add("Other", PlcTypes.Real).Build();
        Assert.ThrowsExactly<ArgumentException>(() => table.Publish("X", impostor, 0x5000, 0));
        table.Publish("Same", new PlcStructBuilder("ST_Board").Add("Id", PlcTypes.DInt).Add("Online", PlcTypes.Bool).Add("Metrics", SampleBoards.MetricsType).Build(), 0x5000, 0);
        Assert.ThrowsExactly<ArgumentException>(() => table.EnableWrites("Board1.Nope"));
    }

    private static async Task<AdsSymbolEntry> SymbolEntry(AdsTcpClient client, string name)
    {
        var data = (await client.ReadWriteAsync(AdsIndexGroup.SymbolInfoByNameEx, 0, uint.MaxValue, Payloads.Name(name))).GetDataOrThrow($"0xF009 {name}");
        var entry = AdsSymbolEntryCodec.Read(data, out int length);
        Assert.AreEqual(data.Length, length);
        return entry;
    }

    private static async Task<AdsDataTypeEntry> DataType(AdsTcpClient client, string name)
    {
        var data = (await client.ReadWriteAsync(AdsIndexGroup.DataTypeInfoByNameEx, 0, uint.MaxValue, Payloads.Name(name))).GetDataOrThrow($"0xF011 {name}");
        return AdsDataTypeEntryCodec.Read(data, out _);
    }

    private delegate T EntryReader<T>(ReadOnlySpan<byte> source, out int length);

    private static List<T> Entries<T>(byte[] upload, EntryReader<T> read)
    {
        var entries = new List<T>();
        for (int at = 0; at < upload.Length;)
        {
            entries.Add(read(upload.AsSpan(at), out int length));
            at += length;
        }
        return entries;
    }
}

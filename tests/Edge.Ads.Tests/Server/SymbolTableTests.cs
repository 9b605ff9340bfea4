using Edge.Ads.Framing;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Server;

/// <summary>
/// The application's side of the symbol table: values written and read, the change events that
/// wake notifications, unpublishing, type registration and the size limit. Expected values are
/// worked out from the sample layout (ST_Board is 88 bytes; Board1 at 0x4040:0, Board2 at 88,
/// GVL.Temperatures at 176).
/// </summary>
[TestClass]
public sealed class SymbolTableTests
{
    [TestMethod]
    public void AWholeValueMustHaveTheSymbolsSize()
    {
        var table = SampleBoards.CreateTable();
        var board = table.FindSymbol("Board1")!;
        var e = Assert.ThrowsExactly<ArgumentException>(() => board.Write(new byte[87]));
        StringAssert.StartsWith(e.Message, "Board1 (ST_Board) takes 88 bytes, got 87");
        e = Assert.ThrowsExactly<ArgumentException>(() => board.ReadValue(new byte[89]));
        StringAssert.StartsWith(e.Message, "Board1 (ST_Board) has 88 bytes, the destination 89");
        Assert.AreEqual("Board2 : ST_Board @ 0x4040:88", table.FindSymbol("board2")!.ToString());
    }

    [TestMethod]
    public void WritesRaiseOneChangeForTheSymbolsBytesAndNoneWhenNothingChanged()
    {
        var table = SampleBoards.CreateTable();
        var changes = new List<AdsRange>();
        table.Changed += changes.Add;
        var board = table.FindSymbol("Board2")!;
        var alarm = SampleBoards.BoardType.Locate("Metrics.Alarm");
        var value = Enumerable.Range(0, 88).Select(i => (byte)(i + 1)).ToArray();
        value[alarm.Offset] = 1; // a BOOL TRUE as the codec writes it
        board.Write(value);
        board.Write(value);
        CollectionAssert.AreEqual(new[] { new AdsRange(0x4040, 88, 88) }, changes, "the second write changed no byte");
        CollectionAssert.AreEqual(value, board.ReadValue());
        CollectionAssert.AreEqual(value, ReadMemory(table, 88, 88), "the symbol is a view of group 0x4040 at 88");
        CollectionAssert.AreEqual(new byte[88], ReadMemory(table, 0, 88), "Board1 is untouched");

        changes.Clear();
        board.Update(v => v.Set(alarm, true)); // what is there already
        Assert.IsEmpty(changes, "an update that leaves every byte alone wakes nobody");
        board.Update(v => v.Set(alarm, false));
        CollectionAssert.AreEqual(new[] { new AdsRange(0x4040, 88, 88) }, changes);
    }

    [TestMethod]
    public void AnUpdateThatThrowsLeavesTheOldBytesAndRaisesNothing()
    {
        var table = SampleBoards.CreateTable();
        var board = table.FindSymbol("Board1")!;
        var before = Enumerable.Range(0, 88).Select(i => (byte)(200 - i)).ToArray();
        board.Write(before);
        var changes = new List<AdsRange>();
        table.Changed += changes.Add;
        var id = SampleBoards.BoardType.Locate("Id");
        Assert.ThrowsExactly<InvalidOperationException>(() => board.Update(v =>
        {
            v.Set(id, 12345);
            throw new InvalidOperationException("half done");
        }));
        CollectionAssert.AreEqual(before, board.ReadValue());
        Assert.IsEmpty(changes);
    }

    [TestMethod]
    public void AnUnpublishedSymbolIsClearedRefusesValuesAndBumpsTheVersionOnce()
    {
        var table = SampleBoards.CreateTable();
        var board = table.FindSymbol("Board2")!;
        board.Write(Enumerable.Repeat((byte)0xAB, 88).ToArray());
        byte version = table.SymbolVersion;
        var changes = new List<AdsRange>();
        table.Changed += changes.Add;

        Assert.IsTrue(table.Unpublish("BOARD2"));
        Assert.IsFalse(board.IsPublished);
        Assert.AreEqual((byte)(version + 1), table.SymbolVersion);
        CollectionAssert.AreEqual(new[] { new AdsRange(AdsIndexGroup.SymbolVersion, 0, 1), new AdsRange(0x4040, 88, 88) }, changes,
            "the version, then the cleared bytes");
        CollectionAssert.AreEqual(new byte[88], ReadMemory(table, 88, 88), "its bytes are zero again");
        Assert.IsNull(table.FindSymbol("Board2"));
        CollectionAssert.AreEqual(new[] { "Board1", "GVL.Temperatures" }, table.Symbols.Select(s => s.Name).ToArray());
        Assert.AreEqual("symbol Board2 was unpublished", Assert.ThrowsExactly<InvalidOperationException>(() => board.Write(new byte[88])).Message);
        Assert.ThrowsExactly<InvalidOperationException>(() => board.Update(_ => { }));
        Assert.AreEqual(AdsErrorCode.DeviceAccessDenied, table.WriteFromClient(0x4040, 88 + 13, new byte[] { 1 }, TestServer.ClientAddress, out _),
            "its writable member is closed with it");

        changes.Clear();
        Assert.IsFalse(table.Unpublish("Board2"), "already gone");
        Assert.AreEqual((byte)(version + 1), table.SymbolVersion);
        Assert.IsEmpty(changes);
    }

    [TestMethod]
    public void PublishingRaisesTheVersionChangeAndListsSymbolsInOrder()
    {
        var table = SampleBoards.CreateTable();
        var changes = new List<AdsRange>();
        table.Changed += changes.Add;
        table.Publish("Extra", PlcTypes.DInt, 0x4041, 4, "a comment");
        CollectionAssert.AreEqual(new[] { new AdsRange(AdsIndexGroup.SymbolVersion, 0, 1) }, changes);
        CollectionAssert.AreEqual(new[] { "Board1", "Board2", "GVL.Temperatures", "Extra" }, table.Symbols.Select(s => s.Name).ToArray());
        var extra = table.FindSymbol("extra")!;
        Assert.AreEqual((0x4041u, 4u, 4, "a comment"), (extra.IndexGroup, extra.IndexOffset, extra.Size, extra.Comment));
        Assert.AreEqual(AdsErrorCode.NoError, table.ReadMemory(0x4041, 0, 8, new AdsBufferWriter()), "the group holds the 4 bytes before the symbol too");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, table.ReadMemory(0x4041, 0, 9, new AdsBufferWriter()));
    }

    [TestMethod]
    public void ASymbolMayEndExactlyAtTheGroupLimit()
    {
        var table = new AdsSymbolTable();
        const int limit = 16 * 1024 * 1024;
        table.Publish("Last", PlcTypes.DInt, 0x4040, limit - 4);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => table.Publish("Past", PlcTypes.DInt, 0x4041, limit - 3));
        StringAssert.Contains(e.Message, "Past would end at byte 16777217 of its group; the limit is 16777216");
        Assert.IsNull(table.FindSymbol("Past"));
        Assert.IsFalse(table.HasMemory(0x4041), "nothing was created for the refused symbol");
    }

    [TestMethod]
    public void RegisteredTypesAreFoundByNameWithTheTypesInside()
    {
        var table = new AdsSymbolTable();
        var inner = PlcTypes.Array(PlcTypes.LReal, 1, 3);
        var type = new PlcStructBuilder("ST_Registered").Add("Values", inner).Add("Count", PlcTypes.UInt).Build();
        Assert.IsNull(table.FindType("ST_Registered"));
        table.RegisterType(type);
        Assert.AreSame(type, table.FindType("st_registered"));
        Assert.AreSame(inner, table.FindType("ARRAY [1..3] OF LREAL"));
        Assert.IsNotNull(table.FindType("LREAL"));
        Assert.IsNotNull(table.FindType("UINT"));
        Assert.AreEqual(4u, table.Uploads.Info.DataTypeCount, "ST_Registered, the array, LREAL and UINT");
        table.RegisterType(type);
        Assert.AreEqual(4u, table.Uploads.Info.DataTypeCount, "registering it again adds nothing");
        Assert.AreEqual(1, table.SymbolVersion, "types are not symbols: the version stays");
        var impostor = new PlcStructBuilder("ST_Registered").Add("Count", PlcTypes.UInt).Build();
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => table.RegisterType(impostor)).Message, "a different type called ST_Registered is already registered");
    }

    [TestMethod]
    public void TheUploadsAreRebuiltAfterEachChange()
    {
        var table = SampleBoards.CreateTable();
        var first = table.Uploads;
        Assert.AreSame(first, table.Uploads, "built once while nothing changes");
        Assert.AreEqual(3u, first.Info.SymbolCount);
        table.Publish("Extra", PlcTypes.DInt, 0x4041, 0);
        Assert.AreEqual(4u, table.Uploads.Info.SymbolCount);
        table.EnableWrites("Extra");
        var entries = table.Uploads;
        Assert.AreNotSame(first, entries);
        table.RegisterType(new PlcStructBuilder("ST_New").Add("A", PlcTypes.Bool).Build());
        Assert.AreNotSame(entries, table.Uploads, "a new type changes the data-type upload");
        Assert.IsTrue(table.Unpublish("Extra"));
        Assert.AreEqual(3u, table.Uploads.Info.SymbolCount);
    }

    private static byte[] ReadMemory(AdsSymbolTable table, uint offset, uint length)
    {
        var output = new AdsBufferWriter();
        Assert.AreEqual(AdsErrorCode.NoError, table.ReadMemory(0x4040, offset, length, output));
        return output.ToArray();
    }
}

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
        CollectionAssert.AreEqual(new[] { new AdsRange(0x4040, 88, 88) }, changes, "the first write changed bytes");
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

    [TestMethod]
    public void RefusedPublicationsSayWhy()
    {
        var table = SampleBoards.CreateTable();
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentException>(() => table.Publish("Bad Name", PlcTypes.DInt, 0x5000, 0)).Message,
            "symbol name 'Bad Name' must be IEC identifiers joined by dots");
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => table.Publish("X", PlcTypes.DInt, 0xF000, 0)).Message,
            "index group 0xF000 is in the reserved service range (0xF000 and up)");
        table.Publish("Below", PlcTypes.DInt, 0xEFFF, 0); // the last data group
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentException>(() => table.Publish("BOARD1", PlcTypes.DInt, 0x5000, 0)).Message,
            "a symbol called BOARD1 is already published (names ignore case)");
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentException>(() => table.Publish("Overlap", PlcTypes.DInt, 0x4040, 86)).Message,
            "Overlap at 0x4040:86+4 overlaps Board1 : ST_Board @ 0x4040:0");
        StringAssert.StartsWith(Assert.ThrowsExactly<ArgumentException>(() => table.EnableWrites("Board1.Nope")).Message,
            "'Board1.Nope' names no published symbol or member");
    }

    [TestMethod]
    public void AnAreaRefusesToGrowPastItsLimit()
    {
        var area = new AdsMemoryArea(0x4040);
        area.Grow(AdsMemoryArea.MaxSize);
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => area.Grow(AdsMemoryArea.MaxSize + 1));
        StringAssert.StartsWith(e.Message, "index group 0x4040 would grow to 16777217 bytes; the limit is 16777216");
        Assert.AreEqual(AdsErrorCode.NoError, area.Check(0, AdsMemoryArea.MaxSize));
        Assert.AreEqual(AdsErrorCode.DeviceInvalidSize, area.Check(0, AdsMemoryArea.MaxSize + 1u));
    }

    [TestMethod]
    public void UnpublishingOneSymbolLeavesTheOthersWritablePaths()
    {
        var table = SampleBoards.CreateTable();
        Assert.IsTrue(table.Unpublish("Board2"));
        Assert.AreEqual(AdsErrorCode.NoError, table.WriteFromClient(0x4040, 13, new byte[] { 1 }, TestServer.ClientAddress, out string? path));
        Assert.AreEqual("Board1.Metrics.AlarmAck", path);
    }

    [TestMethod]
    public void AClientWriteRaisesItsOwnRangeOnlyWhenBytesChangeAndTheValidatorSeesTheOffsetInsideThePath()
    {
        var table = SampleBoards.CreateTable();
        var seen = new List<AdsSymbolWrite>();
        // GVL.Temperatures (ARRAY [1..4] OF INT at 176) is writable; element [3] is 4 bytes into it
        table.EnableWrites("GVL.Temperatures", write =>
        {
            seen.Add(write);
            return write.Data.Span[0] == 0xEE ? AdsErrorCode.DeviceInvalidData : AdsErrorCode.NoError;
        });
        var changes = new List<AdsRange>();
        table.Changed += changes.Add;

        Assert.AreEqual(AdsErrorCode.NoError, table.WriteFromClient(0x4040, 180, new byte[] { 1, 0 }, TestServer.ClientAddress, out string? path));
        Assert.AreEqual("GVL.Temperatures", path);
        Assert.AreEqual((4, 2, "GVL.Temperatures", "ARRAY [1..4] OF INT"), (seen[0].Offset, seen[0].Data.Length, seen[0].Path, seen[0].Type.Name));
        Assert.IsFalse(seen[0].IsWholeValue);
        CollectionAssert.AreEqual(new[] { new AdsRange(0x4040, 180, 2) }, changes);

        Assert.AreEqual(AdsErrorCode.NoError, table.WriteFromClient(0x4040, 180, new byte[] { 1, 0 }, TestServer.ClientAddress, out _));
        Assert.HasCount(1, changes, "the same bytes again change nothing");
        Assert.AreEqual(AdsErrorCode.DeviceInvalidData, table.WriteFromClient(0x4040, 180, new byte[] { 0xEE, 0 }, TestServer.ClientAddress, out _));
        Assert.HasCount(1, changes, "a refused write stores nothing");
        CollectionAssert.AreEqual(new byte[] { 0, 0, 0, 0, 1, 0, 0, 0 }, ReadMemory(table, 176, 8));
    }

    [TestMethod]
    public void ATypeIsTheSameWhenItsLayoutIsAndDifferentOtherwise()
    {
        var table = SampleBoards.CreateTable();
        // another instance of a non-STRUCT type: its name spells out its layout
        table.RegisterType(PlcTypes.Array(PlcTypes.Real, 0, 7));
        // a STRUCT of the same name and size but other members is refused
        var sameSize = new PlcStructBuilder("ST_BoardMetrics").Add("Values", PlcTypes.Array(PlcTypes.Real, 0, 19)).Build();
        Assert.AreEqual(SampleBoards.MetricsType.Size, sameSize.Size);
        Assert.ThrowsExactly<ArgumentException>(() => table.RegisterType(sameSize));
        // a STRUCT taking a base type's name, even at the same size
        var fakeDint = new PlcStructBuilder("DINT").Add("Value", PlcTypes.DInt).Build();
        Assert.AreEqual(4, fakeDint.Size);
        Assert.ThrowsExactly<ArgumentException>(() => table.RegisterType(fakeDint));
        var uploads = table.Uploads;
        table.RegisterType(SampleBoards.BoardType);
        Assert.AreSame(uploads, table.Uploads, "a type already known changes nothing");
    }

    [TestMethod]
    public void ATypeNameOfTheLongestLengthIsStillFound()
    {
        var table = new AdsSymbolTable();
        string name = "T" + new string('y', AdsSymbolTable.MaxNameLength - 1);
        var type = new PlcStructBuilder(name).Add("A", PlcTypes.Bool).Build();
        table.RegisterType(type);
        Assert.AreSame(type, table.FindTypeForClient(name));
        Assert.IsNull(table.FindTypeForClient(name + "y"), "one character more is never looked up");
    }

    [TestMethod]
    public void ANameOfTheLongestLengthIsStillResolved()
    {
        var table = new AdsSymbolTable();
        string name = "S" + new string('x', AdsSymbolTable.MaxNameLength - 1);
        table.Publish(name, PlcTypes.DInt, 0x4040, 0);
        Assert.IsTrue(table.TryResolve(name, out var resolved));
        Assert.AreEqual(name, resolved.Name);
        Assert.IsFalse(table.TryResolve(name + "x", out _), "one character more is never looked up");
        Assert.IsFalse(table.TryResolve(".Board1", out _), "a path starting with a separator");
        Assert.IsFalse(table.TryResolve("[1]", out _));
    }

    private static byte[] ReadMemory(AdsSymbolTable table, uint offset, uint length)
    {
        var output = new AdsBufferWriter();
        Assert.AreEqual(AdsErrorCode.NoError, table.ReadMemory(0x4040, offset, length, output));
        return output.ToArray();
    }
}

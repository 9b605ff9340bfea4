using Edge.Ads.Tests.Support;
using Edge.Ads.Types;

namespace Edge.Ads.Tests.Types;

/// <summary>
/// TwinCAT 3's default layout (pack mode 8): members at multiples of their natural alignment,
/// STRUCT size padded to the largest. Expected offsets are worked out by hand from that rule.
/// </summary>
[TestClass]
public sealed class PlcStructLayoutTests
{
    [TestMethod]
    public void AnLrealAfterABoolStartsAtEight()
    {
        var type = new PlcStructBuilder("ST_A").Add("b", PlcTypes.Bool).Add("f", PlcTypes.LReal).Build();
        CollectionAssert.AreEqual(new[] { 0, 8 }, Offsets(type));
        Assert.AreEqual(16, type.Size);
        Assert.AreEqual(8, type.Alignment);
    }

    [TestMethod]
    public void SmallMembersPackTightly()
    {
        var type = new PlcStructBuilder("ST_B").Add("a", PlcTypes.Byte).Add("b", PlcTypes.Byte).Add("i", PlcTypes.Int).Add("d", PlcTypes.DInt).Build();
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 4 }, Offsets(type));
        Assert.AreEqual(8, type.Size);
    }

    [TestMethod]
    public void TheSizeIsPaddedToTheLargestAlignment()
    {
        var type = new PlcStructBuilder("ST_C").Add("d", PlcTypes.DInt).Add("b", PlcTypes.Bool).Build();
        Assert.AreEqual(8, type.Size, "5 bytes of members, padded to DINT's 4");
        var array = PlcTypes.Array(type, 0, 2);
        Assert.AreEqual(24, array.Size, "elements keep that stride");
    }

    [TestMethod]
    public void StringsAlignToOneWideStringsToTwo()
    {
        var type = new PlcStructBuilder("ST_D").Add("s", PlcTypes.String(15)).Add("i", PlcTypes.Int).Add("b", PlcTypes.Bool).Add("w", PlcTypes.WString(3)).Build();
        CollectionAssert.AreEqual(new[] { 0, 16, 18, 20 }, Offsets(type));
        Assert.AreEqual(28, type.Size);
        Assert.AreEqual(2, type.Alignment);
    }

    [TestMethod]
    public void ANestedStructAlignsToItsOwnAlignment()
    {
        var inner = new PlcStructBuilder("ST_In").Add("f", PlcTypes.Real).Add("b", PlcTypes.Bool).Build(); // size 8, alignment 4
        var outer = new PlcStructBuilder("ST_Out").Add("b", PlcTypes.Bool).Add("inner", inner).Add("c", PlcTypes.Bool).Build();
        CollectionAssert.AreEqual(new[] { 0, 4, 12 }, Offsets(outer));
        Assert.AreEqual(16, outer.Size);
    }

    [TestMethod]
    public void PackModeOneLeavesNoGaps()
    {
        var type = new PlcStructBuilder("ST_P", packMode: 1).Add("b", PlcTypes.Bool).Add("f", PlcTypes.LReal).Add("i", PlcTypes.Int).Build();
        CollectionAssert.AreEqual(new[] { 0, 1, 9 }, Offsets(type));
        Assert.AreEqual(11, type.Size);
    }

    [TestMethod]
    public void TheSampleBoardLayout()
    {
        // AnomalyRate REAL @0, Alarm BOOL @4, AlarmAck BOOL @5, Inferences UDINT @8, FeatureDrift 8 x REAL @12..44,
        // DriftScore LREAL @48, Model STRING(15) @56..72, Temperature INT @72; 74 bytes padded to 80.
        CollectionAssert.AreEqual(new[] { 0, 4, 5, 8, 12, 48, 56, 72 }, Offsets(SampleBoards.MetricsType));
        Assert.AreEqual(80, SampleBoards.MetricsType.Size);
        CollectionAssert.AreEqual(new[] { 0, 4, 8 }, Offsets(SampleBoards.BoardType));
        Assert.AreEqual(88, SampleBoards.BoardType.Size);
    }

    [TestMethod]
    public void TypeNamesAreSpelledAsTwinCatSpellsThem()
    {
        Assert.AreEqual("ARRAY [0..7] OF REAL", PlcTypes.Array(PlcTypes.Real, 0, 7).Name);
        Assert.AreEqual("ARRAY [0..1,-2..2] OF ST_Board", PlcTypes.Array(SampleBoards.BoardType, new PlcArrayDimension(0, 1), new PlcArrayDimension(-2, 2)).Name);
        Assert.AreEqual("STRING(80)", PlcTypes.String().Name);
        Assert.AreEqual(81, PlcTypes.String().Size);
        Assert.AreEqual(22, PlcTypes.WString(10).Size);
    }

    [TestMethod]
    public void RefusesWhatTwinCatWouldRefuse()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new PlcStructBuilder("ST X"));
        Assert.ThrowsExactly<ArgumentException>(() => new PlcStructBuilder("ST_X").Add("a", PlcTypes.Int).Add("A", PlcTypes.Int), "member names ignore case");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new PlcStructBuilder("ST_X", packMode: 3));
        Assert.ThrowsExactly<InvalidOperationException>(() => new PlcStructBuilder("ST_X").Build());
        Assert.ThrowsExactly<ArgumentException>(() => PlcTypes.Array(PlcTypes.Int, 3, 2));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PlcTypes.String(0));
    }

    private static int[] Offsets(PlcStructType type) => type.Members.Select(m => m.Offset).ToArray();
}

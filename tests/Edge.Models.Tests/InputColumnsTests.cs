using Edge.Common;
using Edge.Data;
using Edge.Models.Tests.Support;
using Edge.Models.Verification;

namespace Edge.Models.Tests;

/// <summary>
/// A model's inputs are matched to table columns by name, never by position: a bad cell, a missing
/// column or a table of another kind is an error naming file, row and column. Before, the default
/// took "the first N numeric columns", so one bad cell in f7 quietly shifted `volts` into the
/// input, and a windows table fed s0..s63 to a 64-feature model.
/// </summary>
[TestClass]
public sealed class InputColumnsTests
{
    private static Table Csv(string text)
    {
        string path = Samples.ScratchFile($"columns-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return TableReader.Read(path);
    }

    private static string Row(int width, Func<int, string> cell) => string.Join(",", Enumerable.Range(0, width).Select(cell));

    [TestMethod]
    public void TheNumberedFamilyIsTakenByNameWhateverComesFirst()
    {
        // Numeric columns before the family, and the label in the middle: only f0..f3 is the input.
        var table = Csv("volts,f0,f1,label,f2,f3\n230,1,2,0,3,4\n231,5,6,1,7,8\n");
        var columns = InputMapping.Resolve(table, null, 4, "label");
        CollectionAssert.AreEqual(new[] { "f0", "f1", "f2", "f3" }, columns.ToArray());
        CollectionAssert.AreEqual(new float[] { 5, 6, 7, 8 }, InputMapping.Rows(table, columns)[1]);
    }

    [TestMethod]
    public void ABadCellIsReportedWhereItIsNotReplacedByTheNextColumn()
    {
        var table = Csv("f0,f1,f2,f3,volts\n1,2,3,4,230\n1,2,n/a,4,231\n");
        var columns = InputMapping.Resolve(table, null, 4, null);
        CollectionAssert.AreEqual(new[] { "f0", "f1", "f2", "f3" }, columns.ToArray(), "f2 stays in the input; volts does not move in");
        var e = Assert.ThrowsExactly<DataFileException>(() => InputMapping.Rows(table, columns));
        StringAssert.Contains(e.Message, "row 2, column 'f2': 'n/a' is not a finite number");
    }

    [TestMethod]
    public void AMissingMemberOfTheFamilyIsNamed()
    {
        var table = Csv("f0,f1,f3,volts\n1,2,4,230\n");
        var e = Assert.ThrowsExactly<DataFileException>(() => InputMapping.Resolve(table, null, 4, null));
        StringAssert.Contains(e.Message, "f0..f3 (3 columns without f2)");
        StringAssert.Contains(e.Message, "--input-columns");
    }

    [TestMethod]
    public void ATableOfAnotherKindIsRefused()
    {
        // 8 samples s0..s7 for a 4-input model: s0..s3 is part of a longer family, not this model's input.
        var table = Csv(Row(8, i => $"s{i}") + "\n" + Row(8, i => $"{i}") + "\n");
        var e = Assert.ThrowsExactly<DataFileException>(() => InputMapping.Resolve(table, null, 4, null));
        StringAssert.Contains(e.Message, "s0..s7 (8 columns)");
    }

    [TestMethod]
    public void NamedColumnsMustExistAndCountRight()
    {
        var table = Csv("a,b,c\n1,2,3\n");
        StringAssert.Contains(Assert.ThrowsExactly<DataFileException>(() => InputMapping.Resolve(table, "a,b,d", 3, null)).Message, "has no column 'd'");
        StringAssert.Contains(Assert.ThrowsExactly<SettingException>(() => InputMapping.Resolve(table, "a,b", 3, null)).Message, "takes 3 values per row");
    }

    [TestMethod]
    public void ValuesFloat32CannotHoldAreNamed()
    {
        var table = Csv("f0,f1\n1,2\n3,1e300\n");
        var e = Assert.ThrowsExactly<DataFileException>(() => InputMapping.Rows(table, ["f0", "f1"]));
        StringAssert.Contains(e.Message, "row 2, column 'f1'");
        StringAssert.Contains(e.Message, "float32");
    }

    [TestMethod]
    public void ANonFiniteReferenceIsRefusedNotAveragedIntoAgreement()
    {
        float[][] outputs = [[0.1f], [float.NaN], [0.3f], [float.PositiveInfinity]];
        var e = Assert.ThrowsExactly<DataFileException>(() => FiniteReference.Require(outputs, "test.csv", r => r * 10 + 1));
        StringAssert.Contains(e.Message, "test.csv, row 11");
        StringAssert.Contains(e.Message, "2 of 4 row(s)");
        FiniteReference.Require([[0.1f], [0.2f]], "test.csv", r => r + 1);
    }
}

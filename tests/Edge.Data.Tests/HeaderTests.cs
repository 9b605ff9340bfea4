namespace Edge.Data.Tests;

/// <summary>
/// A CSV's first line is its column names: a first line of measurements means the file has no
/// header, and is refused rather than its first row silently becoming the names. The header-only
/// read (HIL's table matching) reads names exactly as the full read does.
/// </summary>
[TestClass]
public sealed class HeaderTests
{
    private static string Write(string name, string text) => TableReaderTests.Write(name, text);

    [TestMethod]
    [DataRow("0.0017,0.0012,low,0\n0.0021,0.0009,high,1\n", DisplayName = "measurements with a category and a flag")]
    [DataRow("-1.5;2e-3;7.25\n1;2;3\n", DisplayName = "semicolons, signs and exponents")]
    public void AFirstLineOfValuesIsNotAHeader(string content)
    {
        var e = Assert.ThrowsExactly<DataFileException>(() => TableReader.Read(Write("raw.csv", content)));
        StringAssert.Contains(e.Message, "raw.csv: its first line holds values");
        StringAssert.Contains(e.Message, "no header");
        Assert.ThrowsExactly<DataFileException>(() => TableReader.ReadHeader(Write("raw.csv", content)));
    }

    [TestMethod]
    public void CountingNumbersAreNames()
    {
        // pandas writes unnamed columns as 0, 1, 2: those are names, the rows below are data.
        var table = TableReader.Read(Write("pandas.csv", "0,1,2\n0.5,1.5,2.5\n"));
        CollectionAssert.AreEqual(new[] { "0", "1", "2" }, table.ColumnNames.ToArray());
    }

    [TestMethod]
    [DataRow("f0,f1,\"load, level\"\n1,2,low\n", DisplayName = "quoted name with a comma")]
    [DataRow("f0\tf1\tload\n1\t2\tlow\n", DisplayName = "tab separated")]
    [DataRow("f0;f1;load\n1;2;low\n", DisplayName = "semicolon separated")]
    public void TheHeaderAloneReadsAsTheTableDoes(string content)
    {
        string path = Write("t.csv", content);
        CollectionAssert.AreEqual(TableReader.Read(path).ColumnNames.ToArray(), TableReader.ReadHeader(path).ToArray());
        Assert.AreEqual(3, TableReader.ReadHeader(path).Count);
    }

    [TestMethod]
    public void AnEndlessFileIsRefused()
    {
        if (!File.Exists("/dev/zero")) Assert.Inconclusive("needs /dev/zero");
        var e = Assert.ThrowsExactly<DataFileException>(() => TableReader.Read("/dev/zero"));
        Assert.AreEqual("/dev/zero: a line is longer than 16 M characters: not a CSV table (a binary file, or one without line ends?)", e.Message);
    }
}

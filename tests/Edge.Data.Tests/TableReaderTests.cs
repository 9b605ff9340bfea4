using Edge.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Edge.Data.Tests;

[TestClass]
public sealed class TableReaderTests
{
    internal static string Write(string name, string text)
    {
        string path = Path.Combine(RepoPaths.TempDirectory("data"), name);
        File.WriteAllText(path, text);
        return path;
    }

    [TestMethod]
    public void CsvCellsBecomeNumbersOnRequest()
    {
        var table = TableReader.Read(Write("a.csv", "x,label\n1.5,ok\n-2e-3,bad\n"));
        Assert.AreEqual(2, table.RowCount);
        CollectionAssert.AreEqual(new[] { 1.5, -0.002 }, table.Numbers("x"));
        CollectionAssert.AreEqual(new[] { "ok", "bad" }, table.Texts("label"));
    }

    [TestMethod]
    [DataRow("", "no columns", DisplayName = "empty file")]
    [DataRow("x,y\n", "header only", DisplayName = "header only")]
    [DataRow("x,y\n1,2\n3\n", "row 2", DisplayName = "ragged row")]
    [DataRow("x,x\n1,2\n", "appears twice", DisplayName = "duplicate header")]
    public void MalformedCsvIsNamed(string content, string fragment)
    {
        var e = Assert.ThrowsExactly<DataFileException>(() => TableReader.Read(Write("bad.csv", content)));
        StringAssert.Contains(e.Message, "bad.csv");
        StringAssert.Contains(e.Message, fragment);
    }

    [TestMethod]
    public void MissingFileAndColumnAreNamed()
    {
        var e = Assert.ThrowsExactly<DataFileException>(() => TableReader.Read("/nonexistent/x.csv"));
        StringAssert.Contains(e.Message, "not found");
        var table = TableReader.Read(Write("c.csv", "speed,temp\n1,2\n"));
        e = Assert.ThrowsExactly<DataFileException>(() => table.Numbers("load"));
        StringAssert.Contains(e.Message, "no column 'load'");
        StringAssert.Contains(e.Message, "speed, temp");
    }

    [TestMethod]
    public void NonFiniteCellIsNamedWithRowAndColumn()
    {
        var table = TableReader.Read(Write("d.csv", "x\n1\nNaN\n"));
        var e = Assert.ThrowsExactly<DataFileException>(() => table.Numbers("x"));
        StringAssert.Contains(e.Message, "row 2, column 'x'");
    }

    [TestMethod]
    public async Task ParquetReadsLikeTheSameCsv()
    {
        string path = Path.Combine(RepoPaths.TempDirectory("parquet"), "t.parquet");
        var x = new DataField<double>("x");
        var n = new DataField<int>("n");
        var s = new DataField<string>("load");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(x, n, s), stream);
            for (int group = 0; group < 2; group++)
            {
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<double>(x, new[] { 0.25 + group, -1.0 }.AsMemory());
                await rowGroup.WriteAsync<int>(n, new[] { 7 + group, 8 }.AsMemory());
                await rowGroup.WriteAsync(s, new[] { "low", "high" });
            }
        }
        var table = TableReader.Read(path);
        Assert.AreEqual(4, table.RowCount);
        CollectionAssert.AreEqual(new[] { 0.25, -1.0, 1.25, -1.0 }, table.Numbers("x"));
        CollectionAssert.AreEqual(new[] { 7.0, 8.0, 8.0, 8.0 }, table.Numbers("n"));
        CollectionAssert.AreEqual(new[] { "low", "high", "low", "high" }, table.Texts("load"));
    }

    [TestMethod]
    public void CorruptParquetIsNamed()
    {
        string path = Path.Combine(RepoPaths.TempDirectory("parquet"), "broken.parquet");
        File.WriteAllBytes(path, "PAR1 this is not really parquet PAR1"u8.ToArray());
        var e = Assert.ThrowsExactly<DataFileException>(() => TableReader.Read(path));
        StringAssert.Contains(e.Message, "broken.parquet");
        StringAssert.Contains(e.Message, "Parquet");
    }
}

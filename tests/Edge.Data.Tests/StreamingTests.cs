using Edge.Data.Streaming;
using Edge.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Edge.Data.Tests;

/// <summary>Tables read in passes of typed chunks: the values, row numbers and errors a whole read gives, a chunk at a time.</summary>
[TestClass]
public sealed class StreamingTests
{
    private static (List<double> X, List<int> Codes, List<long> FirstRows) ReadAll(TableSource source, TextVocabulary vocabulary, int capacity, MissingCells missing = MissingCells.Refuse)
    {
        var request = new TableRequest();
        int x = request.Number("x", missing);
        int label = request.Text("label", vocabulary);
        var chunk = new TableChunk(request, capacity);
        var (values, codes, firstRows) = (new List<double>(), new List<int>(), new List<long>());
        using var cursor = source.Open(request);
        while (cursor.Read(chunk))
        {
            firstRows.Add(chunk.FirstRow);
            values.AddRange(chunk.Numbers(x).ToArray());
            codes.AddRange(chunk.Codes(label).ToArray());
        }
        return (values, codes, firstRows);
    }

    [TestMethod]
    public void ChunksOfACsvHoldEveryRowOnceInOrder()
    {
        string path = TableReaderTests.Write("chunks.csv", "id,x,label\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i},{i * 0.5},{(i % 3 == 0 ? "hi" : "lo")}\n")));
        var vocabulary = TextVocabulary.Open();
        var (x, codes, firstRows) = ReadAll(TableReader.Open(path), vocabulary, capacity: 3);
        CollectionAssert.AreEqual(Enumerable.Range(1, 10).Select(i => i * 0.5).ToArray(), x);
        CollectionAssert.AreEqual(new long[] { 1, 4, 7, 10 }, firstRows);
        CollectionAssert.AreEqual(Enumerable.Range(1, 10).Select(i => i % 3 == 0 ? "hi" : "lo").ToArray(), codes.Select(c => vocabulary[c]).ToArray());
    }

    [TestMethod]
    public void ABadCellInALaterChunkNamesItsRow()
    {
        string path = TableReaderTests.Write("late.csv", "x,label\n" + string.Concat(Enumerable.Range(1, 7).Select(i => i == 6 ? "oops,a\n" : $"{i},a\n")));
        var e = Assert.ThrowsExactly<DataFileException>(() => ReadAll(TableReader.Open(path), TextVocabulary.Open(), capacity: 4));
        StringAssert.Contains(e.Message, "late.csv");
        StringAssert.Contains(e.Message, "row 6");
        StringAssert.Contains(e.Message, "'oops'");
    }

    [TestMethod]
    public void MissingCellsAreNaNOnlyWhereAllowed()
    {
        string path = TableReaderTests.Write("gaps.csv", "x,label\n1,a\n,\nNaN,b\n");
        var vocabulary = TextVocabulary.Fixed(["a", "b"]);
        var (x, codes, _) = ReadAll(TableReader.Open(path), vocabulary, capacity: 2, MissingCells.AsNaN);
        Assert.AreEqual(1.0, x[0]);
        Assert.IsTrue(double.IsNaN(x[1]) && double.IsNaN(x[2]));
        CollectionAssert.AreEqual(new[] { 0, TextVocabulary.Empty, 1 }, codes);
        var e = Assert.ThrowsExactly<DataFileException>(() => ReadAll(TableReader.Open(path), vocabulary, capacity: 2));
        StringAssert.Contains(e.Message, "an empty cell is not a finite number");
        StringAssert.Contains(e.Message, "row 2");
    }

    [TestMethod]
    public void AnOpenVocabularyStopsAtItsLimitAndSaysSo()
    {
        var vocabulary = TextVocabulary.Open(limit: 2);
        CollectionAssert.AreEqual(new[] { 0, 1, 0, TextVocabulary.Unknown }, new[] { "a", "b", "a", "c" }.Select(t => vocabulary.CodeOf(t)).ToArray());
        Assert.IsTrue(vocabulary.Overflowed);
        Assert.AreEqual(2, vocabulary.Count);
    }

    /// <summary>Parquet row groups (sizes unrelated to the chunk's) and nulls read as the same CSV does, nulls as missing cells.</summary>
    [TestMethod]
    public async Task ParquetRowGroupsAndNullsReadAsTheSameCsv()
    {
        string path = Path.Combine(RepoPaths.TempDirectory("parquet"), "groups.parquet");
        var xField = new DataField<double?>("x");
        var labelField = new DataField<string>("label");
        var rows = Enumerable.Range(0, 23).Select(i => (X: i % 7 == 3 ? (double?)null : i * 0.25, Label: i % 5 == 0 ? null : i % 2 == 0 ? "even" : "odd")).ToArray();
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(xField, labelField), stream);
            foreach (var group in rows.Chunk(9))
            {
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<double>(xField, group.Select(r => r.X).ToArray().AsMemory());
                await rowGroup.WriteAsync(labelField, group.Select(r => r.Label).ToArray());
            }
        }
        string csv = TableReaderTests.Write("groups.csv", "x,label\n" + string.Concat(rows.Select(r => FormattableString.Invariant($"{r.X},{r.Label}\n"))));

        var fromParquet = ReadAll(TableReader.Open(path), TextVocabulary.Fixed(["even", "odd"]), capacity: 4, MissingCells.AsNaN);
        var fromCsv = ReadAll(TableReader.Open(csv), TextVocabulary.Fixed(["even", "odd"]), capacity: 5, MissingCells.AsNaN);
        CollectionAssert.AreEqual(fromCsv.X, fromParquet.X); // NaN equals NaN in Equals
        CollectionAssert.AreEqual(fromCsv.Codes, fromParquet.Codes);
        Assert.AreEqual(rows.Count(r => r.X is null), fromParquet.X.Count(double.IsNaN));
        Assert.AreEqual(rows.Count(r => r.Label is null), fromParquet.Codes.Count(c => c == TextVocabulary.Empty));
    }
}

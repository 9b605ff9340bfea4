using System.Reflection;
using System.Text.Json;
using Edge.Hil.Results;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using Parquet.Serialization;

namespace Edge.Hil.Tests;

/// <summary>
/// results.parquet is written through Parquet.Net's column API (the native `edge` cannot run its
/// class serializer). The class serializer, run here under the JIT, is the reference: from the
/// same cells both files must hold the same columns (names, physical and logical types,
/// optionality, order) and the same value in every cell.
/// </summary>
[TestClass]
public sealed class ResultsParquetTests
{
    [TestMethod]
    public async Task TheColumnWriterWritesWhatTheClassSerializerWrote()
    {
        var cells = Cells();
        await using var reference = await OpenAsync(stream => ParquetSerializer.SerializeAsync(cells, stream));
        await using var written = await OpenAsync(stream => ResultsParquet.WriteAsync(cells, stream));

        AssertSameSchema(reference, written);
        Assert.AreEqual(1, written.RowGroupCount);
        var fields = reference.Schema.GetDataFields();
        using var a = reference.OpenRowGroupReader(0);
        using var b = written.OpenRowGroupReader(0);
        Assert.AreEqual(cells.Count, (int)b.RowCount);
        foreach (var field in fields)
            CollectionAssert.AreEqual(await ReadAsync(a, field), await ReadAsync(b, field), field.Name);

        // and read back as cells, every property equals the one written
        var back = await ParquetSerializer.DeserializeAsync<CellResult>(Write(cells));
        Assert.AreEqual(JsonSerializer.Serialize(cells, ResultJson.Options), JsonSerializer.Serialize(back.Data, ResultJson.Options));
    }

    [TestMethod]
    public async Task AnEmptyRunWritesTheSameColumnsAndNoRows()
    {
        var none = new List<CellResult>();
        await using var reference = await OpenAsync(stream => ParquetSerializer.SerializeAsync(none, stream));
        await using var written = await OpenAsync(stream => ResultsParquet.WriteAsync(none, stream));
        AssertSameSchema(reference, written);
        Assert.AreEqual(0L, Enumerable.Range(0, written.RowGroupCount).Sum(g => written.OpenRowGroupReader(g).RowCount));
    }

    [TestMethod]
    public void EveryPropertyOfACellResultIsAColumnUnderItsJsonName()
    {
        // listed from the attributes, independently of the JSON contract the writer walks
        var expected = typeof(CellResult).GetProperties()
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()!.Name).ToList();
        CollectionAssert.AreEqual(expected, ResultsParquet.Schema.GetDataFields().Select(f => f.Name).ToList());
    }

    private static void AssertSameSchema(ParquetReader reference, ParquetReader written)
    {
        var a = reference.Metadata!.Schema;
        var b = written.Metadata!.Schema;
        Assert.AreEqual(typeof(CellResult).GetProperties().Length + 1, a.Count, "the reference has a root and a column per property");
        Assert.AreEqual(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            string where = $"schema element {i} ({a[i].Name})";
            Assert.AreEqual((a[i].Name, a[i].Type, a[i].RepetitionType, a[i].ConvertedType, a[i].NumChildren),
                (b[i].Name, b[i].Type, b[i].RepetitionType, b[i].ConvertedType, b[i].NumChildren), where);
            Assert.AreEqual(JsonSerializer.Serialize(a[i].LogicalType), JsonSerializer.Serialize(b[i].LogicalType), where);
        }
        var fa = reference.Schema.GetDataFields();
        var fb = written.Schema.GetDataFields();
        CollectionAssert.AreEqual(fa.Select(f => (f.Name, f.ClrType, f.IsNullable, f.IsArray)).ToList(),
            fb.Select(f => (f.Name, f.ClrType, f.IsNullable, f.IsArray)).ToList());
        CollectionAssert.AreEqual(reference.CustomMetadata.ToList(), written.CustomMetadata.ToList());
    }

    /// <summary>Three cells: every property set (distinct values, non-ASCII text, NaN), every nullable null, and half and half.</summary>
    private static List<CellResult> Cells()
    {
        var properties = typeof(CellResult).GetProperties();
        var rows = new List<CellResult>();
        for (int row = 0; row < 3; row++)
        {
            var cell = new CellResult();
            for (int i = 0; i < properties.Length; i++)
            {
                var p = properties[i];
                bool isNull = row == 1 || (row == 2 && i % 2 == 0);
                bool nullable = p.PropertyType == typeof(string) ? new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable
                    : Nullable.GetUnderlyingType(p.PropertyType) is not null;
                var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                object? value = type == typeof(string) ? (object)$"{p.Name} {row} Wärme µJ ✓"
                    : type == typeof(int) ? (object)(1000 * row + i)
                    : type == typeof(long) ? (object)((1L << 40) + 1000 * row + i)
                    : type == typeof(double) ? (object)(i == 3 && row == 0 ? double.NaN : -0.125 * i + 1e-300 * row)
                    : throw new AssertInconclusiveException($"add {type} to the test");
                if (!(nullable && isNull)) p.SetValue(cell, value);
            }
            rows.Add(cell);
        }
        return rows;
    }

    private static MemoryStream Write(List<CellResult> cells)
    {
        var stream = new MemoryStream();
        ResultsParquet.WriteAsync(cells, stream).GetAwaiter().GetResult();
        stream.Position = 0;
        return stream;
    }

    private static async Task<ParquetReader> OpenAsync(Func<Stream, Task> write)
    {
        var stream = new MemoryStream();
        await write(stream);
        return await ParquetReader.CreateAsync(new MemoryStream(stream.ToArray()));
    }

    private static async Task<object?[]> ReadAsync(ParquetRowGroupReader group, DataField field)
    {
        int n = (int)group.RowCount;
        if (field.ClrType == typeof(ReadOnlyMemory<char>) || field.ClrType == typeof(string))
        {
            var texts = new string?[n];
            await group.ReadAsync(field, texts.AsMemory());
            return texts;
        }
        if (field.ClrType == typeof(int)) return await NumbersAsync<int>(group, field, n);
        if (field.ClrType == typeof(long)) return await NumbersAsync<long>(group, field, n);
        if (field.ClrType == typeof(double)) return await NumbersAsync<double>(group, field, n);
        throw new AssertFailedException($"{field.Name}: unexpected {field.ClrType}");
    }

    private static async Task<object?[]> NumbersAsync<T>(ParquetRowGroupReader group, DataField field, int n) where T : struct
    {
        var values = new T?[n];
        if (field.IsNullable) await group.ReadAsync<T>(field, values.AsMemory());
        else
        {
            var required = new T[n];
            await group.ReadAsync<T>(field, required.AsMemory());
            for (int i = 0; i < n; i++) values[i] = required[i];
        }
        return values.Select(v => (object?)v).ToArray();
    }
}

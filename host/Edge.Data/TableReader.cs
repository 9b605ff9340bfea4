using System.Globalization;
using Edge.Common.Files;
using Parquet;
using Parquet.Schema;
using Sylvan.Data.Csv;

namespace Edge.Data;

/// <summary>
/// Reads a whole CSV (with a header; comma, semicolon, tab or pipe separated, quotes honoured) or
/// Parquet file into a <see cref="Table"/>, or only its column names. Tables are held in memory:
/// a file over <see cref="MaxBytes"/> is refused before it is read.
/// </summary>
public static class TableReader
{
    public const long MaxBytes = 1L << 30;

    // One CSV record (row) larger than this is not a table row: a binary file, or a file without line ends.
    private const int MaxRecordChars = 16 * 1024 * 1024;

    public static Table Read(string path)
    {
        var table = Guarded(path, () => IsParquet(path) ? ReadParquet(path) : ReadCsv(path));
        if (table.Columns.Count == 0) throw new DataFileException(path, "no columns (is the file empty?)");
        if (table.RowCount == 0) throw new DataFileException(path, "header only, no data rows");
        return table;
    }

    /// <summary>The column names only, read as <see cref="Read"/> reads them (matching models to tables reads every candidate's header).</summary>
    public static IReadOnlyList<string> ReadHeader(string path) => Guarded<IReadOnlyList<string>>(path, () =>
    {
        if (IsParquet(path))
        {
            using var stream = InputFile.OpenRead(path, MaxBytes, "a table");
            var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
            try
            {
                return reader.Schema.GetDataFields().Select(f => f.Name).ToList();
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        using var csv = OpenCsv(path);
        return csv is null ? [] : Header(path, csv);
    });

    private static bool IsParquet(string path) => Path.GetExtension(path).ToLowerInvariant() is ".parquet" or ".pq";

    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DataFileException)
        {
            throw;
        }
        catch (InputFileException e)
        {
            throw new DataFileException(path, e.Problem, inner: e);
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new DataFileException(path, $"a line is longer than {MaxRecordChars / (1024 * 1024)} M characters: not a CSV table (a binary file, or one without line ends?)", inner: e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or ArgumentException or OverflowException)
        {
            throw new DataFileException(path, $"cannot be read as {(IsParquet(path) ? "Parquet" : "CSV")}: {e.Message}", inner: e);
        }
    }

    /// <summary>A CSV reader positioned after the header; null for an empty file.</summary>
    private static CsvDataReader? OpenCsv(string path)
    {
        var text = new StreamReader(InputFile.OpenRead(path, MaxBytes, "a table"));
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = MaxRecordChars, OwnsReader = true });
        }
        catch (CsvMissingHeadersException)
        {
            text.Dispose();
            return null; // an empty file
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The header's names. A first line that is mostly measurements (decimals, signs, exponents) is
    /// data, not a header: the file has none, and its first row would silently become the column
    /// names. Plain counting numbers (0, 1, 2, as pandas writes unnamed columns) are names.
    /// </summary>
    private static string[] Header(string path, CsvDataReader reader)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        var data = names.Where(LooksLikeMeasurement).ToList();
        if (data.Count * 2 >= names.Length && data.Count > 0)
            throw new DataFileException(path, $"its first line holds values ({string.Join(", ", data.Take(3))}{(data.Count > 3 ? ", ..." : "")}), not column names: " +
                "the file has no header; add a first line naming the columns");
        return names;
    }

    private static bool LooksLikeMeasurement(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.All(char.IsAsciiDigit);

    private static Table ReadCsv(string path)
    {
        using var reader = OpenCsv(path);
        if (reader is null || reader.FieldCount == 0) return new Table(path, Array.Empty<TableColumn>());
        var names = Header(path, reader);
        int width = names.Length;
        var cells = names.Select(_ => new List<string>()).ToArray();
        long row = 0;
        while (reader.Read())
        {
            row++;
            if (reader.RowFieldCount != width)
                throw new DataFileException(path, $"has {reader.RowFieldCount} cells, the header has {width}", row);
            for (int i = 0; i < width; i++) cells[i].Add(reader.GetString(i).Trim());
        }
        return new Table(path, names.Select((n, i) => new TableColumn(n, cells[i].ToArray())).ToArray());
    }

    private static Table ReadParquet(string path)
    {
        using var stream = InputFile.OpenRead(path, MaxBytes, "a table");
        return ReadParquetAsync(path, stream).GetAwaiter().GetResult();
    }

    private static async Task<Table> ReadParquetAsync(string path, Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var columns = new List<TableColumn>();
        foreach (var field in fields)
        {
            if (field.IsArray) throw new DataFileException(path, "nested (list) columns are not supported", column: field.Name);
            var values = new List<object?>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                values.AddRange(await ReadValuesAsync(group, field));
            }
            columns.Add(ToColumn(field.Name, values));
        }
        return new Table(path, columns);
    }

    /// <summary>Reads one column chunk as boxed values (null for missing cells), whatever its physical type.</summary>
    private static async Task<object?[]> ReadValuesAsync(ParquetRowGroupReader group, DataField field)
    {
        int rows = checked((int)group.RowCount);
        Type type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var texts = new string?[rows];
            await group.ReadAsync(field, texts.AsMemory(), null, default);
            return texts;
        }
        return type switch
        {
            _ when type == typeof(double) => await ReadStructAsync<double>(group, field, rows),
            _ when type == typeof(float) => await ReadStructAsync<float>(group, field, rows),
            _ when type == typeof(long) => await ReadStructAsync<long>(group, field, rows),
            _ when type == typeof(int) => await ReadStructAsync<int>(group, field, rows),
            _ when type == typeof(short) => await ReadStructAsync<short>(group, field, rows),
            _ when type == typeof(sbyte) => await ReadStructAsync<sbyte>(group, field, rows),
            _ when type == typeof(byte) => await ReadStructAsync<byte>(group, field, rows),
            _ when type == typeof(ushort) => await ReadStructAsync<ushort>(group, field, rows),
            _ when type == typeof(uint) => await ReadStructAsync<uint>(group, field, rows),
            _ when type == typeof(ulong) => await ReadStructAsync<ulong>(group, field, rows),
            _ when type == typeof(bool) => await ReadStructAsync<bool>(group, field, rows),
            _ => throw new NotSupportedException($"column '{field.Name}' has type {type.Name}, which Edge does not read"),
        };
    }

    private static async Task<object?[]> ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await group.ReadAsync(field, nullable.AsMemory(), null, default);
            return nullable.Select(v => v.HasValue ? (object?)v.Value : null).ToArray();
        }
        var plain = new T[rows];
        await group.ReadAsync(field, plain.AsMemory(), null, default);
        return plain.Select(v => (object?)v).ToArray();
    }

    private static TableColumn ToColumn(string name, List<object?> values)
    {
        bool numeric = values.All(v => v is sbyte or byte or short or ushort or int or uint or long or ulong or float or double);
        if (numeric)
            return new TableColumn(name, values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray());
        return new TableColumn(name, values.Select(v => v switch
        {
            null => "",
            bool b => b ? "1" : "0",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString() ?? "",
        }).ToArray());
    }
}

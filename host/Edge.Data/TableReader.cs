using Parquet;
using System.Globalization;
using Parquet.Schema;
using Sylvan.Data.Csv;

namespace Edge.Data;

/// <summary>Reads a whole CSV (comma or semicolon separated, with a header) or Parquet file into a <see cref="Table"/>.</summary>
public static class TableReader
{
    public static Table Read(string path)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        string extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            var table = extension switch
            {
                ".parquet" or ".pq" => ReadParquet(path),
                _ => ReadCsv(path),
            };
            if (table.Columns.Count == 0) throw new DataFileException(path, "no columns (is the file empty?)");
            if (table.RowCount == 0) throw new DataFileException(path, "header only, no data rows");
            return table;
        }
        catch (DataFileException)
        {
            throw;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException or ArgumentException)
        {
            throw new DataFileException(path, $"cannot be read as {(extension is ".parquet" or ".pq" ? "Parquet" : "CSV")}: {e.Message}", inner: e);
        }
    }

    private static Table ReadCsv(string path)
    {
        if (new FileInfo(path).Length == 0) return new Table(path, Array.Empty<TableColumn>());
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true });
        int width = reader.FieldCount;
        if (width == 0) return new Table(path, Array.Empty<TableColumn>());
        var names = Enumerable.Range(0, width).Select(i => reader.GetName(i).Trim()).ToArray();
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
        using var stream = File.OpenRead(path);
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

using System.Text.Json.Serialization.Metadata;
using Parquet;
using Parquet.Schema;

namespace Edge.Hil.Results;

/// <summary>
/// Writes results.parquet: one row per <see cref="CellResult"/>, one column per property of its JSON
/// contract (<see cref="ResultJson"/>), under the same name and in the same order as in results.json,
/// so the columns follow the class and cannot drift from it. Strings are optional UTF-8 columns,
/// numbers required and their nullable forms optional: the schema Parquet.Net's class serializer
/// wrote before. Written through the column API because that serializer compiles expression trees
/// and closes generic methods at run time, which the native `edge` cannot do; here every generic is
/// closed at compile time (the type list in <see cref="Column.Of"/>).
/// </summary>
public static class ResultsParquet
{
    private static readonly IReadOnlyList<Column> Columns =
        ResultJson.Properties<CellResult>().Select(Column.Of).ToList();

    /// <summary>The file's schema, in column order.</summary>
    public static ParquetSchema Schema { get; } = new(Columns.Select(c => (Field)c.Field).ToArray());

    public static async Task WriteAsync(IReadOnlyList<CellResult> results, Stream stream)
    {
        await using var writer = await ParquetWriter.CreateAsync(Schema, stream).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        foreach (var column in Columns) await column.Write(group, results).ConfigureAwait(false);
        group.CompleteValidate();
    }

    /// <summary>A column's field and how its values are taken from the rows and written, chosen once per property.</summary>
    private sealed record Column(DataField Field, Func<ParquetRowGroupWriter, IReadOnlyList<CellResult>, Task> Write)
    {
        // The one list of property types results.parquet writes: strings (nulls allowed whatever the
        // annotation) and int, long, double, required or, when nullable, optional.
        public static Column Of(JsonPropertyInfo property)
        {
            var type = property.PropertyType;
            var get = property.Get;
            if (get is not null)
            {
                if (type == typeof(string)) return Strings(property.Name, get);
                if (type == typeof(int)) return Required<int>(property.Name, get);
                if (type == typeof(int?)) return Optional<int>(property.Name, get);
                if (type == typeof(long)) return Required<long>(property.Name, get);
                if (type == typeof(long?)) return Optional<long>(property.Name, get);
                if (type == typeof(double)) return Required<double>(property.Name, get);
                if (type == typeof(double?)) return Optional<double>(property.Name, get);
            }
            throw new NotSupportedException($"{nameof(CellResult)}.{property.Name} is a {type.Name}; results.parquet writes readable strings, int, long and double (teach {nameof(ResultsParquet)} the type)");
        }

        private static Column Strings(string name, Func<object, object?> get)
        {
            var field = new DataField(name, typeof(string), isNullable: true);
            return new Column(field, (group, rows) => group.WriteAsync(field, rows.Select(r => (string?)get(r)).ToArray()));
        }

        private static Column Required<T>(string name, Func<object, object?> get) where T : struct
        {
            var field = new DataField(name, typeof(T), isNullable: false);
            return new Column(field, (group, rows) => group.WriteAsync<T>(field, rows.Select(r => (T)get(r)!).ToArray()));
        }

        private static Column Optional<T>(string name, Func<object, object?> get) where T : struct
        {
            var field = new DataField(name, typeof(T), isNullable: true);
            return new Column(field, (group, rows) => group.WriteAsync<T>(field, rows.Select(r => (T?)get(r)).ToArray()));
        }
    }
}

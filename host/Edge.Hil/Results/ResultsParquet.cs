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
/// closed at compile time (the switch in <see cref="Column.WriteAsync"/>).
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
        foreach (var column in Columns) await column.WriteAsync(group, results).ConfigureAwait(false);
        group.CompleteValidate();
    }

    private sealed record Column(JsonPropertyInfo Property, DataField Field)
    {
        private static readonly Type[] Numbers = [typeof(int), typeof(long), typeof(double)];

        public static Column Of(JsonPropertyInfo property)
        {
            var type = property.PropertyType;
            var number = Nullable.GetUnderlyingType(type) ?? type;
            if (type == typeof(string)) return new Column(property, new DataField(property.Name, typeof(string), isNullable: true)); // nulls allowed whatever the annotation
            if (Array.IndexOf(Numbers, number) < 0 || property.Get is null)
                throw new NotSupportedException($"{nameof(CellResult)}.{property.Name} is a {type.Name}; results.parquet writes readable strings, int, long and double (teach {nameof(ResultsParquet)} the type)");
            return new Column(property, new DataField(property.Name, number, isNullable: number != type));
        }

        public Task WriteAsync(ParquetRowGroupWriter group, IReadOnlyList<CellResult> rows)
        {
            var type = Property.PropertyType;
            if (type == typeof(string)) return group.WriteAsync(Field, rows.Select(r => (string?)Value(r)).ToArray());
            if (type == typeof(int)) return group.WriteAsync<int>(Field, Required<int>(rows));
            if (type == typeof(int?)) return group.WriteAsync<int>(Field, Optional<int>(rows));
            if (type == typeof(long)) return group.WriteAsync<long>(Field, Required<long>(rows));
            if (type == typeof(long?)) return group.WriteAsync<long>(Field, Optional<long>(rows));
            if (type == typeof(double)) return group.WriteAsync<double>(Field, Required<double>(rows));
            return group.WriteAsync<double>(Field, Optional<double>(rows)); // double?, the only type Of lets through besides
        }

        private object? Value(CellResult row) => Property.Get!(row);

        private T[] Required<T>(IReadOnlyList<CellResult> rows) where T : struct => rows.Select(r => (T)Value(r)!).ToArray();

        private T?[] Optional<T>(IReadOnlyList<CellResult> rows) where T : struct => rows.Select(r => (T?)Value(r)).ToArray();
    }
}

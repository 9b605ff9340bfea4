using Edge.Data.Streaming;

namespace Edge.Data;

/// <summary>
/// Opens users' tables: CSV (with a header; comma, semicolon, tab or pipe separated, quotes
/// honoured) or Parquet (by the extension .parquet or .pq). <see cref="Open"/> reads them in passes
/// of typed chunks, at any size; <see cref="Read"/> holds a whole table in memory, for small ones,
/// and refuses a file over <see cref="MaxBytes"/> before reading it.
/// </summary>
public static class TableReader
{
    /// <summary>The largest file <see cref="Read"/> holds in memory.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The table's header, checked (columns present, named once, a header and not data); rows are read by <see cref="TableSource.Open"/>.</summary>
    public static TableSource Open(string path) => Open(path, long.MaxValue);

    public static Table Read(string path) => Table.Load(Open(path, MaxBytes));

    /// <summary>The column names only, read as <see cref="Read"/> reads them (matching models to tables reads every candidate's header).</summary>
    public static IReadOnlyList<string> ReadHeader(string path) => Create(path, MaxBytes).ColumnNames;

    public static bool IsParquet(string path) => Path.GetExtension(path).ToLowerInvariant() is ".parquet" or ".pq";

    private static TableSource Open(string path, long maxBytes)
    {
        var source = Create(path, maxBytes);
        source.CheckColumns();
        return source;
    }

    private static TableSource Create(string path, long maxBytes) =>
        IsParquet(path) ? new ParquetTable(path, maxBytes) : new CsvTable(path, maxBytes);
}

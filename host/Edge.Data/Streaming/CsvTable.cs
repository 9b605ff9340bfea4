using System.Globalization;
using Edge.Common.Files;
using Sylvan.Data.Csv;

namespace Edge.Data.Streaming;

/// <summary>
/// A CSV file read in passes (header required; comma, semicolon, tab or pipe separated, quotes
/// honoured). Plain rows are read from the UTF-8 bytes (<see cref="Utf8CsvCursor"/>), anything
/// else from Sylvan's field spans: no string is made for a number, and a text cell's string only
/// once per distinct text.
/// </summary>
internal sealed class CsvTable : TableSource
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly string[] _names;
    private readonly Utf8CsvLayout? _layout;

    /// <param name="bytePath">false reads every row through Sylvan (tests compare the two paths).</param>
    public CsvTable(string path, long maxBytes, bool bytePath = true)
    {
        _path = path;
        _maxBytes = maxBytes;
        string[] raw = [];
        _names = Guarded(() =>
        {
            using var reader = OpenReader();
            if (reader is null || reader.FieldCount == 0) return [];
            raw = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            return Header(reader);
        });
        _layout = bytePath ? Guarded(() => Utf8CsvLayout.Of(path, maxBytes, raw)) : null;
    }

    public override string Name => _path;

    public override IReadOnlyList<string> ColumnNames => _names;

    internal long MaxBytes => _maxBytes;

    protected internal override T Guarded<T>(Func<T> read) => FileErrors.Guarded(_path, "CSV", read);

    protected override TableCursor CreateCursor(TableRequest request) =>
        _layout is { } layout ? new Utf8CsvCursor(this, request, layout) : new CsvCursor(this, request, ReaderAfter(0));

    /// <summary>A Sylvan reader past the header and the first <paramref name="rows"/> data rows.</summary>
    internal CsvDataReader ReaderAfter(long rows)
    {
        var reader = OpenReader() ?? throw new DataFileException(_path, "no columns (is the file empty?)");
        for (long r = 0; r < rows && reader.Read(); r++)
        {
        }
        return reader;
    }

    /// <summary>Fills the chunk from <paramref name="start"/> on with Sylvan's next rows (<paramref name="indexes"/>: each requested column's field); returns the chunk's rows.</summary>
    internal int FillFrom(CsvDataReader reader, TableChunk chunk, int start, long rowsBefore, int[] indexes)
    {
        int width = _names.Length;
        int rows = start;
        while (rows < chunk.Capacity && reader.Read())
        {
            long row = rowsBefore + rows + 1;
            if (reader.RowFieldCount != width)
                throw new DataFileException(_path, $"has {reader.RowFieldCount} cells, the header has {width}", row);
            for (int c = 0; c < indexes.Length; c++)
                Cells.Store(chunk, c, rows, reader.GetFieldSpan(indexes[c]).Trim(), _path, row);
            rows++;
        }
        return rows;
    }

    /// <summary>A CSV reader positioned after the header; null for an empty file.</summary>
    private CsvDataReader? OpenReader()
    {
        var text = new StreamReader(InputFile.OpenRead(_path, _maxBytes, "a table"));
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = FileErrors.MaxRecordChars, OwnsReader = true });
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
    private string[] Header(CsvDataReader reader)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
        var data = names.Where(LooksLikeMeasurement).ToList();
        if (data.Count * 2 >= names.Length && data.Count > 0)
            throw new DataFileException(_path, $"its first line holds values ({string.Join(", ", data.Take(3))}{(data.Count > 3 ? ", ..." : "")}), not column names: " +
                "the file has no header; add a first line naming the columns");
        return names;
    }

    private static bool LooksLikeMeasurement(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.All(char.IsAsciiDigit);

    private sealed class CsvCursor(CsvTable table, TableRequest request, CsvDataReader reader) : TableCursor(table, request)
    {
        protected override int Fill(TableChunk chunk, long rowsBefore) => table.FillFrom(reader, chunk, 0, rowsBefore, Indexes);

        protected override void Dispose(bool disposing)
        {
            if (disposing) reader.Dispose();
        }
    }
}

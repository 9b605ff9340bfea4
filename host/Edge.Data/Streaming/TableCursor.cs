namespace Edge.Data.Streaming;

/// <summary>One pass over a table's requested columns, a chunk at a time (<see cref="TableSource.Open"/>).</summary>
public abstract class TableCursor : IDisposable
{
    private bool _started;

    protected TableCursor(TableSource source, TableRequest request)
    {
        Source = source;
        Request = request;
        Indexes = request.Columns.Select(c => source.IndexOf(c.Name)).ToArray();
    }

    public TableSource Source { get; }

    public TableRequest Request { get; }

    /// <summary>Data rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Each requested column's position in the table.</summary>
    protected int[] Indexes { get; }

    /// <summary>
    /// Fills <paramref name="chunk"/> with the next rows; false (and 0 rows) after the last. A table
    /// without data rows fails on the first call, as <see cref="TableReader.Read"/> does.
    /// </summary>
    public bool Read(TableChunk chunk)
    {
        if (chunk.Request != Request) throw new ArgumentException("the chunk was made for another request", nameof(chunk));
        chunk.FirstRow = RowsRead + 1;
        int rows = Source.Guarded(() => Fill(chunk, RowsRead));
        chunk.Rows = rows;
        RowsRead += rows;
        if (!_started && rows == 0) throw new DataFileException(Source.Name, "header only, no data rows");
        _started = true;
        return rows > 0;
    }

    /// <summary>Reads up to the chunk's capacity of rows; <paramref name="rowsBefore"/> numbers them for messages.</summary>
    protected abstract int Fill(TableChunk chunk, long rowsBefore);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

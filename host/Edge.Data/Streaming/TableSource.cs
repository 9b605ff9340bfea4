namespace Edge.Data.Streaming;

/// <summary>
/// A table that can be read in passes, a chunk of typed columns at a time: a CSV or Parquet file
/// (<see cref="TableReader.Open"/>, never held whole) or an in-memory <see cref="Table"/>. A pass
/// holds one chunk, so memory does not grow with the rows.
/// </summary>
public abstract class TableSource
{
    private Dictionary<string, int>? _byName;

    /// <summary>The file the table comes from, for messages.</summary>
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> ColumnNames { get; }

    public bool Has(string name) => ByName.ContainsKey(name);

    /// <summary>The column's position; a missing column fails naming it and the columns there are.</summary>
    public int IndexOf(string name) =>
        ByName.TryGetValue(name, out int index)
            ? index
            : throw new DataFileException(Name, $"no column '{name}' (columns: {Preview(ColumnNames)})", column: name);

    /// <summary>A new pass over the requested columns, from the first row.</summary>
    public TableCursor Open(TableRequest request) => Guarded(() => CreateCursor(request));

    protected abstract TableCursor CreateCursor(TableRequest request);

    /// <summary>Runs a read, turning the libraries' exceptions into a <see cref="DataFileException"/> naming the file.</summary>
    protected internal virtual T Guarded<T>(Func<T> read) => read();

    private Dictionary<string, int> ByName
    {
        get
        {
            if (_byName is not null) return _byName;
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < ColumnNames.Count; i++)
            {
                if (!byName.TryAdd(ColumnNames[i], i))
                    throw new DataFileException(Name, $"column '{ColumnNames[i]}' appears twice in the header");
            }
            return _byName = byName;
        }
    }

    /// <summary>Checks the header: columns present and named once.</summary>
    internal void CheckColumns()
    {
        if (ColumnNames.Count == 0) throw new DataFileException(Name, "no columns (is the file empty?)");
        _ = ByName;
    }

    private static string Preview(IReadOnlyList<string> names)
    {
        int more = names.Count - Math.Min(12, names.Count);
        return string.Join(", ", names.Take(12)) + (more > 0 ? $", ... {more} more" : "");
    }
}

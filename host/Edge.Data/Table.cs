namespace Edge.Data;

/// <summary>
/// A table read from a CSV or Parquet file: named columns of equal length, kept as text until a
/// caller asks for numbers, so that a bad cell is reported with its row and column only if it
/// matters.
/// </summary>
public sealed class Table
{
    private readonly Dictionary<string, TableColumn> _byName;

    public Table(string source, IReadOnlyList<TableColumn> columns)
    {
        Source = source;
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount))
            throw new DataFileException(source, "columns have different lengths");
        _byName = new Dictionary<string, TableColumn>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!_byName.TryAdd(column.Name, column))
                throw new DataFileException(source, $"column '{column.Name}' appears twice in the header");
        }
    }

    /// <summary>The file the table came from, for messages.</summary>
    public string Source { get; }

    public IReadOnlyList<TableColumn> Columns { get; }

    public int RowCount { get; }

    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    public bool Has(string name) => _byName.ContainsKey(name);

    public TableColumn Column(string name) =>
        _byName.TryGetValue(name, out var column)
            ? column
            : throw new DataFileException(Source, $"no column '{name}' (columns: {Preview(ColumnNames)})", column: name);

    /// <summary>The column's values as numbers; a cell that is not a number fails with its row and column.</summary>
    public double[] Numbers(string name) => Column(name).ToNumbers(Source);

    /// <summary>
    /// The column's values as numbers, with empty and "NaN" cells as NaN: a missing measurement,
    /// for code that counts it (drift) rather than refuses it. Any other cell that is not a
    /// finite number still fails with its row and column.
    /// </summary>
    public double[] NumbersOrMissing(string name) => Column(name).ToNumbersOrMissing(Source);

    /// <summary>Several numeric columns as rows: result[row][i] is column <paramref name="names"/>[i].</summary>
    public double[][] NumberRows(IReadOnlyList<string> names)
    {
        var columns = names.Select(Numbers).ToArray();
        var rows = new double[RowCount][];
        for (int r = 0; r < RowCount; r++)
        {
            var row = new double[columns.Length];
            for (int c = 0; c < columns.Length; c++) row[c] = columns[c][r];
            rows[r] = row;
        }
        return rows;
    }

    public string[] Texts(string name) => Column(name).Texts;

    private static string Preview(IEnumerable<string> names)
    {
        var list = names.Take(12).ToList();
        int more = names.Count() - list.Count;
        return string.Join(", ", list) + (more > 0 ? $", ... {more} more" : "");
    }
}

using Edge.Data.Streaming;

namespace Edge.Data;

/// <summary>
/// A table held in memory: named columns of equal length, kept as text until a caller asks for
/// numbers, so that a bad cell is reported with its row and column only if it matters. For small
/// tables (a model's calibration set, the rows sent to a board); large data is read in passes
/// through <see cref="TableReader.Open"/>, and a <see cref="Table"/> is such a source too.
/// </summary>
public sealed class Table : TableSource
{
    private readonly string[] _names;

    public Table(string source, IReadOnlyList<TableColumn> columns)
    {
        Source = source;
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != RowCount))
            throw new DataFileException(source, "columns have different lengths");
        _names = columns.Select(c => c.Name).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in _names)
        {
            if (!seen.Add(name)) throw new DataFileException(source, $"column '{name}' appears twice in the header");
        }
    }

    /// <summary>The file the table came from, for messages.</summary>
    public string Source { get; }

    public override string Name => Source;

    public IReadOnlyList<TableColumn> Columns { get; }

    public int RowCount { get; }

    public override IReadOnlyList<string> ColumnNames => _names;

    public TableColumn Column(string name) => Columns[IndexOf(name)];

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

    /// <summary>
    /// The rows of several tables one after the other (files recorded one after another, replayed
    /// as one stream), with the columns every table has, in the first table's order.
    /// </summary>
    public static Table Concatenate(IReadOnlyList<Table> tables)
    {
        if (tables.Count == 1) return tables[0];
        if (tables.Count == 0) throw new ArgumentException("no tables to concatenate", nameof(tables));
        var names = tables[0].ColumnNames.Where(name => tables.All(t => t.Has(name))).ToList();
        var columns = names.Select(name => new TableColumn(name, tables.SelectMany(t => t.Texts(name)).ToArray())).ToList();
        return new Table(string.Join(" + ", tables.Select(t => t.Source)), columns);
    }

    protected override TableCursor CreateCursor(TableRequest request) => new MemoryCursor(this, request);

    /// <summary>Reads a whole source into memory, every cell as its text.</summary>
    internal static Table Load(TableSource source)
    {
        var request = new TableRequest();
        var vocabularies = source.ColumnNames.Select(name => { var v = TextVocabulary.Open(); request.Text(name, v); return v; }).ToArray();
        var codes = vocabularies.Select(_ => new List<int>()).ToArray();
        using (var cursor = source.Open(request))
        {
            var chunk = new TableChunk(request);
            while (cursor.Read(chunk))
            {
                for (int c = 0; c < codes.Length; c++) codes[c].AddRange(chunk.Codes(c));
            }
        }
        return new Table(source.Name, source.ColumnNames.Select((name, c) =>
            new TableColumn(name, codes[c].Select(vocabularies[c].TextOf).ToArray())).ToArray());
    }

    private sealed class MemoryCursor(Table table, TableRequest request) : TableCursor(table, request)
    {
        private readonly TableColumn[] _columns = request.Columns.Select(c => table.Column(c.Name)).ToArray();

        protected override int Fill(TableChunk chunk, long rowsBefore)
        {
            int rows = (int)Math.Min(chunk.Capacity, table.RowCount - rowsBefore);
            for (int c = 0; c < _columns.Length; c++)
            {
                var texts = _columns[c].Texts;
                for (int i = 0; i < rows; i++)
                    Cells.Store(chunk, c, i, texts[rowsBefore + i], table.Source, rowsBefore + i + 1);
            }
            return rows;
        }
    }
}

namespace Edge.Data.Streaming;

/// <summary>
/// A block of consecutive rows of the requested columns, typed: one array of doubles per column
/// and, for text columns, one array of vocabulary codes. Reused from chunk to chunk, so a pass over
/// a table of any length holds <see cref="Capacity"/> rows at a time.
/// </summary>
public sealed class TableChunk
{
    public const int DefaultCapacity = 4096;

    private readonly double[][] _numbers;
    private readonly int[]?[] _codes;

    public TableChunk(TableRequest request, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Request = request;
        Capacity = capacity;
        _numbers = request.Columns.Select(_ => new double[capacity]).ToArray();
        _codes = request.Columns.Select(c => c.IsText ? new int[capacity] : null).ToArray();
    }

    public TableRequest Request { get; }

    public int Capacity { get; }

    /// <summary>Rows held now (up to <see cref="Capacity"/>; 0 after the last).</summary>
    public int Rows { get; internal set; }

    /// <summary>The 1-based data row (header not counted) of the chunk's first row.</summary>
    public long FirstRow { get; internal set; } = 1;

    /// <summary>Column <paramref name="column"/> (its index in the request) as numbers; NaN where a text cell is not a number, or a missing cell was allowed.</summary>
    public ReadOnlySpan<double> Numbers(int column) => _numbers[column].AsSpan(0, Rows);

    /// <summary>A text column's codes in its vocabulary (<see cref="TextVocabulary.Unknown"/> for a text it does not hold).</summary>
    public ReadOnlySpan<int> Codes(int column) =>
        (_codes[column] ?? throw new InvalidOperationException($"column '{Request.Columns[column].Name}' was requested as a number, not a text")).AsSpan(0, Rows);

    internal double[] NumberStore(int column) => _numbers[column];

    internal int[]? CodeStore(int column) => _codes[column];
}

using Edge.Data;
using Edge.Data.Streaming;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.Drift.HostKernels;
using Edge.Drift.Profiles;

namespace Edge.Drift.Replay;

/// <summary>
/// Turns a table's rows into the board's rows for a profile: one int per profile column, numbers in
/// the column's fixed point (the board's own conversion), categories as their profile index (-1 for
/// a value the reference never had). An empty or NaN cell (a Parquet null) is a missing value
/// (<see cref="FixedPointInput.Missing"/>), as on the board. Works a chunk at a time: it adds the
/// profile's columns to a request, then encodes each chunk read with it. Fails once, naming every
/// profile column the table lacks.
/// </summary>
public sealed class RowEncoder
{
    public const int Unseen = -1;

    private readonly ProfileColumn[] _columns;
    private readonly int[] _requestIndex;
    private readonly TextVocabulary?[] _categories;
    private readonly InputPrecision _precision;

    public RowEncoder(DriftProfile profile, TableSource table, TableRequest request, InputPrecision precision = InputPrecision.Float32)
    {
        var missing = profile.Columns.Select(c => c.Name).Where(n => !table.Has(n)).ToList();
        if (missing.Count > 0)
            throw new DataFileException(table.Name, $"lacks {missing.Count} column(s) the profile monitors: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}");
        _columns = profile.Columns;
        _precision = precision;
        _categories = _columns.Select(c => c.IsBinned ? null : TextVocabulary.Fixed(c.Categories)).ToArray();
        _requestIndex = _columns.Select((c, i) => _categories[i] is { } vocabulary ? request.Text(c.Name, vocabulary) : request.Number(c.Name, MissingCells.AsNaN)).ToArray();
    }

    /// <summary>Values per encoded row (the profile's columns).</summary>
    public int Width => _columns.Length;

    /// <summary>Encodes the chunk's rows into <paramref name="rows"/>, row after row, <see cref="Width"/> ints each.</summary>
    public void Encode(TableChunk chunk, int[] rows)
    {
        int width = _columns.Length;
        for (int c = 0; c < width; c++)
        {
            var column = _columns[c];
            var numbers = chunk.Numbers(_requestIndex[c]);
            if (_categories[c] is null)
            {
                int shift = column.Shift;
                if (_precision == InputPrecision.Float32)
                    VectorFixedPoint.FromFloat(numbers, shift, rows, c, width);
                else
                    for (int r = 0; r < numbers.Length; r++) rows[r * width + c] = FixedPointInput.FromDouble(numbers[r], shift);
                continue;
            }
            var codes = chunk.Codes(_requestIndex[c]);
            for (int r = 0; r < codes.Length; r++) rows[r * width + c] = CategoryIndex(column, codes[r], numbers[r]);
        }
    }

    /// <summary>A whole table's rows at once (tests and small tables).</summary>
    public static int[][] Encode(DriftProfile profile, TableSource table, InputPrecision precision = InputPrecision.Float32)
    {
        var request = new TableRequest();
        var encoder = new RowEncoder(profile, table, request, precision);
        var chunk = new TableChunk(request);
        var buffer = new int[chunk.Capacity * encoder.Width];
        var rows = new List<int[]>();
        using var cursor = table.Open(request);
        while (cursor.Read(chunk))
        {
            encoder.Encode(chunk, buffer);
            for (int r = 0; r < chunk.Rows; r++) rows.Add(buffer.AsSpan(r * encoder.Width, encoder.Width).ToArray());
        }
        return rows.ToArray();
    }

    private static int CategoryIndex(ProfileColumn column, int code, double number)
    {
        if (code == TextVocabulary.Empty) return FixedPointInput.Missing; // categories are never empty names
        if (code != TextVocabulary.Unknown) return code;
        // A low-cardinality numeric column was profiled by value: "1.0" and "1" are the same category.
        if (!double.IsNaN(number))
        {
            int i = Array.IndexOf(column.Categories, CategoryKey.Of(number));
            if (i >= 0) return i;
        }
        return Unseen;
    }
}

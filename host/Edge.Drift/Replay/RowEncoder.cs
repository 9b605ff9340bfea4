using System.Globalization;
using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Numerics;
using Edge.Drift.Profiles;

namespace Edge.Drift.Replay;

/// <summary>
/// Turns a table into the board's rows for a profile: one int per profile column, numbers in the
/// column's fixed point (the board's own conversion), categories as their profile index (-1 for a
/// value the reference never had). An empty or NaN cell is a missing value
/// (<see cref="FixedPointInput.Missing"/>), as on the board. Fails once, naming every profile
/// column the table lacks.
/// </summary>
public static class RowEncoder
{
    public const int Unseen = -1;

    public static int[][] Encode(DriftProfile profile, Table table, InputPrecision precision = InputPrecision.Float32)
    {
        var missing = profile.Columns.Select(c => c.Name).Where(n => !table.Has(n)).ToList();
        if (missing.Count > 0)
            throw new DataFileException(table.Source, $"lacks {missing.Count} column(s) the profile monitors: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}");
        var encoded = profile.Columns.Select(c => EncodeColumn(c, table, precision)).ToArray();
        var rows = new int[table.RowCount][];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new int[encoded.Length];
            for (int c = 0; c < encoded.Length; c++) row[c] = encoded[c][r];
            rows[r] = row;
        }
        return rows;
    }

    private static int[] EncodeColumn(ProfileColumn column, Table table, InputPrecision precision)
    {
        if (column.IsBinned)
            return precision == InputPrecision.Float32
                ? table.NumbersOrMissing(column.Name).Select(v => FixedPointInput.FromFloat((float)v, column.Shift)).ToArray()
                : table.NumbersOrMissing(column.Name).Select(v => FixedPointInput.FromDouble(v, column.Shift)).ToArray();
        var index = column.Categories.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        return table.Texts(column.Name).Select(text => CategoryIndex(index, text)).ToArray();
    }

    private static int CategoryIndex(Dictionary<string, int> index, string text)
    {
        if (text.Length == 0) return FixedPointInput.Missing; // categories are never empty names
        if (index.TryGetValue(text, out int i)) return i;
        // A low-cardinality numeric column was profiled by value: "1.0" and "1" are the same category.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            && index.TryGetValue(CategoryKey.Of(number), out i)) return i;
        return Unseen;
    }
}

using System.Globalization;
using System.Text;
using Edge.Device.Drift;
using Edge.Device.Numerics;

namespace Edge.Board.Client;

/// <summary>
/// A board's retraining capture as CSV: sample number, anomalous flag, then one column per profile
/// column. With the profile the board runs, values are decoded to the data's units (categories by
/// name, "(unseen)" for a category the reference never had); without it they stay the board's
/// fixed-point integers. A missing value is an empty cell.
/// </summary>
public static class CaptureCsv
{
    public static string Write(IReadOnlyList<CapturedRow> rows, DriftProfile? profile, int columns)
    {
        if (profile is not null && profile.Columns.Length != columns)
            throw new ArgumentException($"the capture has {columns} columns, the profile {profile.Columns.Length}: not the profile the board runs", nameof(profile));
        var csv = new StringBuilder();
        var names = Enumerable.Range(0, columns).Select(c => profile?.Columns[c].Name ?? "column" + c.ToString(CultureInfo.InvariantCulture));
        csv.AppendLine(string.Join(",", new[] { "sample", "anomalous" }.Concat(names.Select(Quote))));
        foreach (var row in rows)
        {
            csv.Append(row.Sample.ToString(CultureInfo.InvariantCulture)).Append(',').Append(row.Anomalous ? '1' : '0');
            for (int c = 0; c < columns; c++) csv.Append(',').Append(Quote(Value(profile?.Columns[c], row.Values[c])));
            csv.AppendLine();
        }
        return csv.ToString();
    }

    private static string Value(ProfileColumn? column, int value) =>
        value == FixedPointInput.Missing ? ""
        : column is null ? value.ToString(CultureInfo.InvariantCulture)
        : column.IsBinned ? FixedPointInput.ToDouble(value, column.Shift).ToString("R", CultureInfo.InvariantCulture)
        : value >= 0 && value < column.Categories.Length ? column.Categories[value] : "(unseen)";

    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}

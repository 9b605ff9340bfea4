using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Edge.Fleet.Query;

/// <summary>A query's answer, printable as an aligned table, CSV or JSON; numbers culture-invariant.</summary>
public sealed record QueryTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public static string Text(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public string ToAligned()
    {
        var cells = Rows.Select(r => r.Select(Text).ToArray()).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
            text.AppendLine(string.Join("  ", row.Select((v, i) => Rows.Count > 0 && IsNumber(i) ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd());
        text.Append(CultureInfo.InvariantCulture, $"({Rows.Count} row{(Rows.Count == 1 ? "" : "s")})");
        return text.ToString();
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Columns.Select(Quote)));
        foreach (var row in Rows) text.AppendLine(string.Join(",", row.Select(v => Quote(Text(v)))));
        return text.ToString();
    }

    public string ToJson()
    {
        var list = Rows.Select(r => Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => Json(p.Item2))).ToList();
        return JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true });
    }

    private bool IsNumber(int column) => Rows.All(r => r[column] is null or double or float or decimal or int or long or short or byte or uint or ulong or System.Numerics.BigInteger);

    private static object? Json(object? value) => value switch
    {
        null or string or bool or double or float or decimal or int or long or short or byte or uint or ulong => value,
        _ => Text(value),
    };

    private static string Quote(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

namespace Edge.Models.Reports;

/// <summary>A plain left-aligned text table for terminal reports (numbers right-aligned).</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = new();

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter w)
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        w.WriteLine(Line(headers, widths, false));
        w.WriteLine(string.Join("  ", widths.Select(n => new string('-', n))));
        foreach (var row in _rows) w.WriteLine(Line(row, widths, true));
    }

    private static string Line(string[] cells, int[] widths, bool alignNumbers) =>
        string.Join("  ", cells.Select((c, i) => alignNumbers && IsNumber(c) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    private static bool IsNumber(string s) => s.Length > 0 && s.All(ch => char.IsAsciiDigit(ch) || ch is ',' or '.' or '-' or '%' or 'e' or 'E');
}

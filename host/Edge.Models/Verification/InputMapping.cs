using Edge.Data;

namespace Edge.Models.Verification;

/// <summary>
/// Which table columns fill the model input, in order: named explicitly ("f0..f63", "a,b,c",
/// or a mix), or by default the first numeric columns, as many as the input has elements,
/// skipping the label column.
/// </summary>
public static class InputMapping
{
    /// <summary>Expands a column spec: comma-separated names and ranges "prefixA..prefixB" over a numeric suffix.</summary>
    public static IReadOnlyList<string> Expand(string spec)
    {
        var names = new List<string>();
        foreach (var raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dots = raw.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0) { names.Add(raw); continue; }
            var (firstPrefix, first) = SplitSuffix(raw[..dots], raw);
            var (lastPrefix, last) = SplitSuffix(raw[(dots + 2)..], raw);
            if (firstPrefix != lastPrefix && lastPrefix.Length > 0) throw new ArgumentException($"column range '{raw}': both ends need the same prefix");
            if (last < first) throw new ArgumentException($"column range '{raw}' runs backwards");
            for (int i = first; i <= last; i++) names.Add(firstPrefix + i);
        }
        if (names.Count == 0) throw new ArgumentException($"no columns in '{spec}'");
        return names;
    }

    /// <summary>The columns to use; <paramref name="spec"/> null picks the default described above.</summary>
    public static IReadOnlyList<string> Resolve(Table table, string? spec, int inputLength, string? labelColumn)
    {
        var names = spec is null
            ? table.Columns.Where(c => c.Name != labelColumn && c.IsNumeric).Take(inputLength).Select(c => c.Name).ToList()
            : Expand(spec);
        if (names.Count != inputLength)
        {
            string how = spec is null ? $"{table.Source} has {names.Count} numeric columns to use" : $"--input-columns names {names.Count} columns";
            throw new DataFileException(table.Source, $"the model input takes {inputLength} values per row, but {how}; pass --input-columns to choose");
        }
        foreach (var name in names) table.Column(name);
        return names;
    }

    /// <summary>The rows as float32, in the order of <paramref name="columns"/>.</summary>
    public static float[][] Rows(Table table, IReadOnlyList<string> columns) =>
        table.NumberRows(columns).Select(row => row.Select(v => (float)v).ToArray()).ToArray();

    /// <summary>A compact form of a column list for reports and metadata: "f0..f63" when it is one range.</summary>
    public static string Describe(IReadOnlyList<string> columns)
    {
        if (columns.Count > 2)
        {
            var (prefix, first) = TrySplit(columns[0]);
            if (prefix is not null && columns.Select((c, i) => c == prefix + (first + i)).All(x => x)) return $"{columns[0]}..{columns[^1]}";
        }
        return string.Join(",", columns);
    }

    private static (string Prefix, int Number) SplitSuffix(string name, string range)
    {
        var (prefix, number) = TrySplit(name);
        return prefix is null ? throw new ArgumentException($"column range '{range}': '{name}' does not end in a number") : (prefix, number);
    }

    private static (string? Prefix, int Number) TrySplit(string name)
    {
        int i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1])) i--;
        if (i == name.Length || name.Length - i > 9) return (null, 0);
        return (name[..i], int.Parse(name[i..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

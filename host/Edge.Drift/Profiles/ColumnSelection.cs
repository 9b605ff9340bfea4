using System.Text.RegularExpressions;
using Edge.Data;
using Edge.Data.Streaming;

namespace Edge.Drift.Profiles;

/// <summary>Resolves column names and glob patterns (`*`, `?`, `[0-9]`) against a table's header, failing on names that match nothing.</summary>
public static class ColumnSelection
{
    public static IReadOnlyList<string> Resolve(TableSource table, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var chosen = include.Count == 0 ? table.ColumnNames.ToList() : Expand(table, include, "--columns");
        var excluded = Expand(table, exclude, "--exclude").ToHashSet(StringComparer.Ordinal);
        return chosen.Where(c => !excluded.Contains(c)).Distinct().ToList();
    }

    public static IReadOnlyList<string> Expand(TableSource table, IReadOnlyList<string> patterns, string option)
    {
        var result = new List<string>();
        foreach (var pattern in patterns.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var regex = GlobToRegex(pattern);
            var matches = table.ColumnNames.Where(n => regex.IsMatch(n)).ToList();
            if (matches.Count == 0)
                throw new DataFileException(table.Name, $"{option} '{pattern}' matches no column", column: pattern);
            result.AddRange(matches);
        }
        return result;
    }

    /// <summary>`*` any run, `?` one character, `[...]` a character class; everything else literal.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char ch = glob[i];
            int close = ch == '[' ? glob.IndexOf(']', i + 1) : -1;
            if (ch == '*') pattern.Append(".*");
            else if (ch == '?') pattern.Append('.');
            else if (close > i + 1)
            {
                pattern.Append('[').Append(glob[(i + 1)..close].Replace("\\", "\\\\")).Append(']');
                i = close;
            }
            else pattern.Append(Regex.Escape(ch.ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>Natural order for names like f2 &lt; f10.</summary>
    public static IComparer<string> NaturalOrder { get; } = Comparer<string>.Create((a, b) =>
    {
        var ma = Regex.Match(a, @"^(.*?)(\d+)$");
        var mb = Regex.Match(b, @"^(.*?)(\d+)$");
        if (ma.Success && mb.Success && ma.Groups[1].Value == mb.Groups[1].Value)
            return long.Parse(ma.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).CompareTo(long.Parse(mb.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        return string.CompareOrdinal(a, b);
    });
}

namespace Edge.Models.Verification;

/// <summary>
/// How a model finds its input columns in a table without being told, by name: a family of columns
/// `p0 .. p(N-1)` sharing a prefix, exactly as many as the model has inputs (so a 64-input model
/// takes f0..f63 from a features table and not s0..s63 from a 256-sample windows table, and a
/// column with a bad cell is reported, never replaced by the next numeric column).
/// </summary>
public static class ColumnFamily
{
    /// <summary>The spec ("f0..f63") of the one family of <paramref name="inputs"/> columns, or null when there is none or several.</summary>
    public static string? Find(IReadOnlyList<string> columns, int inputs)
    {
        var names = columns.ToHashSet(StringComparer.Ordinal);
        string? found = null;
        foreach (string name in columns)
        {
            if (!name.EndsWith('0') || name.Length < 2 || char.IsAsciiDigit(name[^2])) continue;
            string prefix = name[..^1];
            if (names.Contains(prefix + inputs)) continue;
            bool complete = true;
            for (int i = 1; i < inputs && complete; i++) complete = names.Contains(prefix + i);
            if (!complete) continue;
            if (found is not null) return null;
            found = inputs == 1 ? name : $"{name}..{prefix}{inputs - 1}";
        }
        return found;
    }

    /// <summary>The numbered families a table has, for messages: "f0..f63 (64)", "s0..s255 (256)".</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<string> columns)
    {
        var families = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (string name in columns)
        {
            int i = name.Length;
            while (i > 0 && char.IsAsciiDigit(name[i - 1])) i--;
            if (i == 0 || i == name.Length || name.Length - i > 9) continue;
            if (!families.TryGetValue(name[..i], out var numbers)) families[name[..i]] = numbers = [];
            numbers.Add(int.Parse(name[i..], System.Globalization.CultureInfo.InvariantCulture));
        }
        return families.Where(f => f.Value.Count > 1).Select(f =>
        {
            int low = f.Value.Min(), high = f.Value.Max();
            var missing = Enumerable.Range(low, high - low + 1).Except(f.Value).ToList();
            string gaps = missing.Count == 0 ? "" : missing.Count <= 3 ? $" without {string.Join(", ", missing.Select(m => f.Key + m))}" : $", {missing.Count} missing";
            return $"{f.Key}{low}..{f.Key}{high} ({f.Value.Count} columns{gaps})";
        }).ToList();
    }
}

namespace Edge.Hil.Inputs;

/// <summary>
/// How a model finds its input columns in a table without being told: a family of columns
/// `p0 .. p(N-1)` sharing a prefix, exactly as many as the model has inputs (so a 64-input model
/// takes f0..f63 from a features table and not s0..s63 from a 256-sample windows table).
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
}

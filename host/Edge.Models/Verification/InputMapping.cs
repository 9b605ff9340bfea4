using Edge.Common;
using Edge.Data;
using Edge.Data.Streaming;

namespace Edge.Models.Verification;

/// <summary>
/// Which table columns fill the model input, in order, always by name: named explicitly
/// ("f0..f63", "a,b,c", or a mix; given as --input-columns or recorded in the .edgem at
/// conversion), or by default the one numbered family of exactly as many columns as the input
/// takes (<see cref="ColumnFamily"/>). Never by position: a column with a bad cell, a missing
/// column or a table of another kind is an error naming file, row and column, not a reason to
/// feed the next numeric column in its place.
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
            if (firstPrefix != lastPrefix && lastPrefix.Length > 0) throw new SettingException($"column range '{raw}': both ends need the same prefix");
            if (last < first) throw new SettingException($"column range '{raw}' runs backwards");
            for (int i = first; i <= last; i++) names.Add(firstPrefix + i);
        }
        if (names.Count == 0) throw new SettingException($"no columns in '{spec}'");
        return names;
    }

    /// <summary>The columns to use; <paramref name="spec"/> null picks the family described above. <paramref name="labelColumn"/> is never an input.</summary>
    public static IReadOnlyList<string> Resolve(TableSource table, string? spec, int inputLength, string? labelColumn)
    {
        IReadOnlyList<string> names;
        if (spec is null)
        {
            var candidates = table.ColumnNames.Where(n => n != labelColumn).ToList();
            string family = ColumnFamily.Find(candidates, inputLength)
                ?? throw new DataFileException(table.Name, $"the model input takes {inputLength} values per row and no columns are named for it: " +
                    $"the table has no single family of {inputLength} numbered columns like x0..x{inputLength - 1}" +
                    $"{(ColumnFamily.Describe(candidates) is { Count: > 0 } families ? $" (it has {string.Join(", ", families)})" : "")}; name them with --input-columns");
            names = Expand(family);
        }
        else
        {
            names = Expand(spec);
            if (names.Count != inputLength)
                throw new SettingException($"--input-columns names {names.Count} columns ({Describe(names)}), but the model input takes {inputLength} values per row");
        }
        var missing = names.Where(n => !table.Has(n)).ToList();
        if (missing.Count > 0)
            throw new DataFileException(table.Name, $"has no column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(8).Select(n => $"'{n}'"))}{(missing.Count > 8 ? ", ..." : "")} " +
                $"of the model input ({Describe(names)})", column: missing.Count == 1 ? missing[0] : null);
        return names;
    }

    /// <summary>
    /// The rows as float32 (the model's input type), in the order of <paramref name="columns"/>. A
    /// cell that is not a finite number, or whose magnitude float32 cannot hold (1e300 would become
    /// infinity), fails with its file, row and column.
    /// </summary>
    public static float[][] Rows(Table table, IReadOnlyList<string> columns)
    {
        var request = new TableRequest();
        var reader = new Reader(table, request, columns);
        var rows = new List<float[]>(table.RowCount);
        using var cursor = table.Open(request);
        var chunk = new TableChunk(request);
        while (cursor.Read(chunk)) rows.AddRange(reader.Rows(chunk));
        return rows.ToArray();
    }

    /// <summary>Model input rows from chunks of a table: adds the input columns to a request, then turns each chunk read with it into rows.</summary>
    public sealed class Reader
    {
        private readonly string _source;
        private readonly IReadOnlyList<string> _columns;
        private readonly int[] _requestIndex;

        public Reader(TableSource table, TableRequest request, IReadOnlyList<string> columns)
        {
            _source = table.Name;
            _columns = columns;
            _requestIndex = columns.Select(name => request.Number(name)).ToArray();
        }

        /// <summary>The chunk's rows as float32 (see <see cref="InputMapping.Rows"/>).</summary>
        public float[][] Rows(TableChunk chunk)
        {
            var result = new float[chunk.Rows][];
            for (int r = 0; r < result.Length; r++) result[r] = new float[_columns.Count];
            for (int c = 0; c < _columns.Count; c++)
            {
                var numbers = chunk.Numbers(_requestIndex[c]);
                for (int r = 0; r < numbers.Length; r++)
                {
                    float value = (float)numbers[r];
                    if (!float.IsFinite(value))
                        throw new DataFileException(_source, $"{numbers[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is beyond what float32, the model's input type, holds (±3.4e38)", chunk.FirstRow + r, _columns[c]);
                    result[r][c] = value;
                }
            }
            return result;
        }
    }

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
        return prefix is null ? throw new SettingException($"column range '{range}': '{name}' does not end in a number") : (prefix, number);
    }

    private static (string? Prefix, int Number) TrySplit(string name)
    {
        int i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1])) i--;
        if (i == name.Length || name.Length - i > 9) return (null, 0);
        return (name[..i], int.Parse(name[i..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

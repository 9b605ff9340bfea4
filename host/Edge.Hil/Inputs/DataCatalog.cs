using Edge.Data;
using Edge.Models.Verification;

namespace Edge.Hil.Inputs;

/// <summary>
/// The tables given to `--data` (or `--calib`) and which one each model reads. Entries are files
/// or folders (their .csv/.parquet files); `MODEL=FILE` binds a table to one model. Otherwise a
/// model takes the one table holding its input columns: those recorded in its .edgem, or a family
/// p0..p(N-1) of exactly its N inputs (<see cref="ColumnFamily"/>). None or several is an error
/// that names the candidates.
/// </summary>
public sealed class DataCatalog
{
    private static readonly string[] TableExtensions = [".csv", ".parquet", ".pq"];
    private readonly string _option;
    private readonly List<string> _pool = [];
    private readonly Dictionary<string, string> _bound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _headers = new(StringComparer.Ordinal);

    private DataCatalog(string option) => _option = option;

    public bool IsEmpty => _pool.Count == 0 && _bound.Count == 0;

    public static DataCatalog From(IEnumerable<string> entries, string option)
    {
        var catalog = new DataCatalog(option);
        foreach (string entry in entries)
        {
            int equals = entry.IndexOf('=');
            if (equals > 0 && !File.Exists(entry) && !Directory.Exists(entry) && entry.IndexOfAny(['/', '\\'], 0, equals) < 0)
            {
                string model = entry[..equals], file = entry[(equals + 1)..];
                if (!File.Exists(file)) throw new HilInputException($"{option} {entry}: {file} does not exist");
                if (!catalog._bound.TryAdd(model, Path.GetFullPath(file))) throw new HilInputException($"{option}: model '{model}' is given two tables");
                continue;
            }
            if (Directory.Exists(entry))
            {
                var files = Directory.GetFiles(entry).Where(f => TableExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) throw new HilInputException($"{option}: folder {entry} holds no .csv or .parquet tables");
                catalog._pool.AddRange(files.Select(Path.GetFullPath));
            }
            else if (File.Exists(entry)) catalog._pool.Add(Path.GetFullPath(entry));
            else throw new HilInputException($"{option}: {entry} does not exist");
        }
        return catalog;
    }

    /// <summary>Model names bound with MODEL=FILE that are not among <paramref name="models"/> (a typo the user should hear about).</summary>
    public IEnumerable<string> UnknownBindings(IEnumerable<string> models) => _bound.Keys.Except(models, StringComparer.Ordinal);

    /// <summary>The table and columns for <paramref name="model"/>, whose input takes <paramref name="inputs"/> values; <paramref name="recorded"/> is the column spec its .edgem holds, if any.</summary>
    public DataChoice For(string model, int inputs, string? recorded)
    {
        if (_bound.TryGetValue(model, out string? bound))
        {
            return Fit(bound, inputs, recorded) is { } columns
                ? new DataChoice(bound, columns)
                : throw new HilInputException($"{_option} {model}={bound}: the table has no {Wanted(inputs, recorded)}");
        }
        var fits = _pool.Select(path => (Path: path, Columns: Fit(path, inputs, recorded))).Where(f => f.Columns is not null).ToList();
        if (fits.Count == 1) return new DataChoice(fits[0].Path, fits[0].Columns!);
        if (fits.Count == 0)
            throw new HilInputException($"{_option}: no table holds the input of model '{model}' ({Wanted(inputs, recorded)}); tables: " +
                $"{(_pool.Count == 0 ? "none" : string.Join(", ", _pool.Select(Path.GetFileName)))}. Give one with {_option} {model}=FILE");
        throw new HilInputException($"{_option}: several tables hold the input of model '{model}' ({string.Join(", ", fits.Select(f => Path.GetFileName(f.Path)))}); " +
            $"choose one with {_option} {model}=FILE");
    }

    private string? Fit(string path, int inputs, string? recorded)
    {
        if (!_headers.TryGetValue(path, out var header)) _headers[path] = header = TableReader.ReadHeader(path);
        if (recorded is null) return ColumnFamily.Find(header, inputs);
        var wanted = InputMapping.Expand(recorded);
        return wanted.Count == inputs && wanted.All(header.Contains) ? recorded : null;
    }

    private static string Wanted(int inputs, string? recorded) =>
        recorded is null ? $"{inputs} columns named like x0..x{inputs - 1}" : $"columns {recorded} that its .edgem records";
}

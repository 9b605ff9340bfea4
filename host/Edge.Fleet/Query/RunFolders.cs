using Edge.Fleet.Runs;
using Edge.Hil.Inputs;
using Edge.Store;

namespace Edge.Fleet.Query;

/// <summary>
/// Finds the runs a query or comparison reads: run folders given directly, folders of run folders, and
/// runs of an artifact store (pulled into a local cache first, as DuckDB reads local files; a pulled run
/// fetches only files it does not have with the right hash).
/// </summary>
public static class RunFolders
{
    /// <summary>Each path: a run folder (manifest.json), or a folder whose subfolders are runs. Run name = folder name.</summary>
    public static IReadOnlyList<(string Run, string Folder)> Local(IEnumerable<string> paths)
    {
        var runs = new List<(string, string)>();
        foreach (string path in paths)
        {
            string full = Path.GetFullPath(path);
            if (File.Exists(Path.Combine(full, "manifest.json"))) runs.Add((Path.GetFileName(full), full));
            else if (Directory.Exists(full))
            {
                var found = Directory.EnumerateDirectories(full).Where(d => File.Exists(Path.Combine(d, "manifest.json"))).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new HilInputException($"{path} is neither a run folder nor a folder of runs (no manifest.json)");
                runs.AddRange(found.Select(d => (Path.GetFileName(d), d)));
            }
            else throw new HilInputException($"{path} does not exist");
        }
        var twice = runs.GroupBy(r => r.Item1).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new HilInputException($"two runs are named '{twice.Key}' ({string.Join(", ", twice.Select(r => r.Item2))}); query them separately");
        return runs;
    }

    /// <summary>Runs of the store (all of them when <paramref name="names"/> is empty), pulled into <paramref name="cache"/>/RUN.</summary>
    public static async Task<IReadOnlyList<(string Run, string Folder)>> FromStoreAsync(ArtifactStore store, IReadOnlyList<string> names, string cache,
        CancellationToken cancellationToken = default)
    {
        var wanted = names.Count > 0 ? names : await RunArchive.ListRunsAsync(store, cancellationToken).ConfigureAwait(false);
        var runs = new List<(string, string)>();
        foreach (string run in wanted)
        {
            var pulled = await RunArchive.PullAsync(store, run, Path.Combine(cache, run), cancellationToken).ConfigureAwait(false);
            runs.Add((run, pulled.Folder));
        }
        return runs;
    }

    /// <summary>Where store runs are cached: $XDG_CACHE_HOME/edge/runs/(hash of the store location).</summary>
    public static string DefaultCache(StoreLocation location)
    {
        string root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "edge", "runs", ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(location.ToString()))[..16]);
    }
}

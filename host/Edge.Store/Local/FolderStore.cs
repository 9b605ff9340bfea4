using Edge.Common.Files;

namespace Edge.Store.Local;

/// <summary>
/// The default store: a folder (on a local disk or a shared mount). Objects are files named like their
/// S3 keys; each is written through <see cref="AtomicFile.WriteOnceAsync"/>, so it appears whole or not
/// at all and is never replaced.
/// </summary>
public sealed class FolderStore : ArtifactStore
{
    public FolderStore(StoreLocation location) : base(location)
    {
        Root = location.Folder ?? throw new ArgumentException("not a folder location", nameof(location));
        if (File.Exists(Root)) throw new StoreException($"{Root} is a file, not a store folder");
    }

    public string Root { get; }

    protected override Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(name)));

    protected override async Task<bool> PutIfAbsentAsync(string name, Stream content, long length, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        OutputFolder.Create(Path.GetDirectoryName(path)!);
        return await AtomicFile.WriteOnceAsync(path, output => content.CopyToAsync(output, cancellationToken)).ConfigureAwait(false);
    }

    protected override Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        string path = PathOf(name);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    protected override Task<IReadOnlyList<StoreEntry>> ListObjectsAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root)) return Task.FromResult<IReadOnlyList<StoreEntry>>([]);
        var entries = new List<StoreEntry>();
        foreach (string file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
            // AtomicFile's temporary files are hidden; they are not objects.
            if (Path.GetFileName(name).StartsWith('.') || !name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            entries.Add(new StoreEntry(name, new FileInfo(file).Length));
        }
        return Task.FromResult<IReadOnlyList<StoreEntry>>(entries);
    }

    private string PathOf(string name) => Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));
}

using Edge.Common.Files;

namespace Edge.Store;

/// <summary>
/// Content-addressed, write-once storage for Edge's artifacts. Two kinds of object:
/// <list type="bullet">
/// <item><b>blobs</b>, any file, under `sha256/ab/HASH` (the key is the content's SHA-256); putting one that
/// is there already uploads nothing, and every download is checked against its hash;</item>
/// <item><b>records</b>, small named documents (`runs/NAME/manifest.json`, a cell's entry, a capture's
/// entry) that name blobs by hash; written once: the same bytes again is a no-op, other bytes a
/// <see cref="StoreConflictException"/>.</item>
/// </list>
/// The backends (<see cref="Local.FolderStore"/>, <see cref="S3.S3Store"/>) only move objects; everything
/// about hashes and write-once is here, once.
/// </summary>
public abstract class ArtifactStore : IDisposable
{
    public const string BlobFolder = "sha256";

    // A record is a small JSON document; far larger is not one.
    public const long MaxRecordBytes = 16L * 1024 * 1024;

    protected ArtifactStore(StoreLocation location) => Location = location;

    public StoreLocation Location { get; }

    /// <summary>A local folder or an S3 bucket, as <paramref name="location"/> says.</summary>
    public static ArtifactStore Open(StoreLocation location, S3.S3Settings? s3 = null) =>
        location.IsS3 ? new S3.S3Store(location, s3 ?? S3.S3Settings.FromEnvironment()) : new Local.FolderStore(location);

    public static string BlobName(string sha256) => $"{BlobFolder}/{sha256[..2]}/{sha256}";

    /// <summary>Puts a file as a blob (uploads only when the store does not have it).</summary>
    public async Task<StoredBlob> PutFileAsync(string path, CancellationToken cancellationToken = default)
    {
        string hash;
        long length;
        await using (var stream = OpenInput(path))
        {
            length = stream.Length;
            hash = await ContentHash.OfAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        string name = BlobName(hash);
        if (await ExistsAsync(name, cancellationToken).ConfigureAwait(false)) return new StoredBlob(hash, length, false);
        bool written;
        await using (var stream = OpenInput(path))
        {
            // The file may have changed since it was hashed: the store would then hold a blob under a wrong key.
            var check = new HashingStream(stream);
            written = await PutIfAbsentAsync(name, check, length, cancellationToken).ConfigureAwait(false);
            if (written && check.Hash() != hash)
                throw new StoreException($"{path} changed while it was uploaded; push it again when nothing writes to it");
        }
        return new StoredBlob(hash, length, written);
    }

    /// <summary>Puts bytes as a blob.</summary>
    public async Task<StoredBlob> PutBytesAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        string hash = ContentHash.Of(bytes);
        string name = BlobName(hash);
        if (await ExistsAsync(name, cancellationToken).ConfigureAwait(false)) return new StoredBlob(hash, bytes.Length, false);
        bool written = await PutIfAbsentAsync(name, new MemoryStream(bytes, writable: false), bytes.Length, cancellationToken).ConfigureAwait(false);
        return new StoredBlob(hash, bytes.Length, written);
    }

    public Task<bool> HasBlobAsync(string sha256, CancellationToken cancellationToken = default) =>
        ExistsAsync(BlobName(CheckHash(sha256)), cancellationToken);

    /// <summary>
    /// Writes the blob to <paramref name="destination"/> (whole, atomically), after checking its content
    /// hashes to its key: a damaged object is reported, never handed out.
    /// </summary>
    public async Task GetFileAsync(string sha256, string destination, CancellationToken cancellationToken = default)
    {
        string name = BlobName(CheckHash(sha256));
        // Verified in a scratch file first: the destination gets only checked bytes.
        string scratch = Path.Combine(Path.GetTempPath(), $"edge-store-{Guid.NewGuid():N}.part");
        try
        {
            await using (var source = await OpenAsync(name, cancellationToken).ConfigureAwait(false)
                ?? throw new StoreException($"{Location}: has no blob {sha256}"))
            await using (var file = new FileStream(scratch, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                var check = new HashingStream(source);
                await check.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                if (check.Hash() != sha256)
                    throw new StoreException($"{Location}: blob {sha256} is damaged (its content hashes to {check.Hash()}); it was not written to {destination}");
            }
            await AtomicFile.WriteAsync(destination, async output =>
            {
                await using var verified = File.OpenRead(scratch);
                await verified.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>Writes a record once: true when written, false when it held these bytes already.</summary>
    public async Task<bool> PutRecordAsync(string name, byte[] content, CancellationToken cancellationToken = default)
    {
        CheckRecordName(name);
        if (await PutIfAbsentAsync(name, new MemoryStream(content, writable: false), content.Length, cancellationToken).ConfigureAwait(false)) return true;
        var existing = await GetRecordAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.AsSpan().SequenceEqual(content)) return false;
        throw new StoreConflictException($"{Location}: {name} already holds other content, and records are written once (push under another run name)");
    }

    /// <summary>A record's bytes; null when there is none.</summary>
    public async Task<byte[]?> GetRecordAsync(string name, CancellationToken cancellationToken = default)
    {
        CheckRecordName(name);
        await using var stream = await OpenAsync(name, cancellationToken).ConfigureAwait(false);
        if (stream is null) return null;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxRecordBytes) throw new StoreException($"{Location}: {name} is larger than a record can be ({MaxRecordBytes} bytes)");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Every object whose name starts with <paramref name="prefix"/> ("" = all), sorted by name.</summary>
    public async Task<IReadOnlyList<StoreEntry>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        if (prefix.Contains("..", StringComparison.Ordinal)) throw new StoreException($"'{prefix}' is not a name in the store");
        var entries = await ListObjectsAsync(prefix.TrimStart('/'), cancellationToken).ConfigureAwait(false);
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    // --- what a backend provides: names are relative to the store's root (folder or bucket prefix) ---

    protected abstract Task<bool> ExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Writes the object unless it exists (atomically: a racing writer cannot replace it); false when it existed.</summary>
    protected abstract Task<bool> PutIfAbsentAsync(string name, Stream content, long length, CancellationToken cancellationToken);

    /// <summary>The object's content; null when it does not exist.</summary>
    protected abstract Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken);

    protected abstract Task<IReadOnlyList<StoreEntry>> ListObjectsAsync(string prefix, CancellationToken cancellationToken);

    private static Stream OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot be read: {e.Message}", e);
        }
    }

    private static string CheckHash(string sha256) => ContentHash.IsValid(sha256)
        ? sha256
        : throw new StoreException($"'{sha256}' is not a SHA-256 (64 lower-case hex digits)");

    /// <summary>Names a user or a run chooses: letters, digits and `._@=-`, parts joined by `/`, no `..`, not a blob's name.</summary>
    public static void CheckRecordName(string name)
    {
        bool valid = name.Length is > 0 and <= 512 && !name.StartsWith(BlobFolder + "/", StringComparison.Ordinal)
            && name.Split('/').All(part => part.Length > 0 && part is not "." and not ".."
                && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@' or '='));
        if (!valid) throw new StoreException($"'{name}' is not a record name (letters, digits and ._@=- in parts joined by /)");
    }
}

using System.Globalization;
using System.Text.Json;
using Edge.Common.Files;

namespace Edge.Store.Spool;

/// <summary>
/// A local folder of uploads the store has not confirmed yet, so nothing is lost while the store is down.
/// An entry is a folder `ID/` with its blobs (`blobs/SHA256`) and `entry.json` (the records that name them);
/// every file is written whole and durably (<see cref="AtomicFile"/>) and `entry.json` last, so an entry is
/// either complete or ignored. <see cref="UploadAsync"/> sends the entries oldest first and removes each only
/// after the store confirmed all of it. Sending an entry twice (a crash between the upload and the removal)
/// stores nothing twice: blobs are content-addressed and a record written again with the same bytes is a no-op.
/// </summary>
public sealed class StoreSpool
{
    public const string EntryFile = "entry.json";

    public const string BlobFolder = "blobs";

    /// <summary>
    /// Entries the store refused for good (access denied, a missing bucket, a record name holding other content, a
    /// damaged entry): kept here with `reason.txt`, never deleted. Moved back into the spool folder, an entry is sent again.
    /// </summary>
    public const string RejectedFolder = "rejected";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private int _sequence;

    public StoreSpool(string folder)
    {
        Folder = OutputFolder.Create(folder);
    }

    public string Folder { get; }

    /// <summary>Spools blobs and the records naming them; durable when this returns. Returns the blobs' SHA-256 in the order given.</summary>
    public IReadOnlyList<string> Add(string description, IReadOnlyList<SpoolBlob> blobs, Func<IReadOnlyList<string>, IReadOnlyList<SpoolRecord>> records)
    {
        // Sortable by time, unique within and across processes.
        string id = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfffffff}-{Environment.ProcessId}-{Interlocked.Increment(ref _sequence):D6}");
        string entry = Path.Combine(Folder, id);
        string blobFolder = OutputFolder.Create(Path.Combine(entry, BlobFolder));
        var hashes = new List<string>();
        foreach (var blob in blobs)
        {
            byte[] bytes = blob.Bytes ?? ReadInput(blob.Path!);
            string hash = ContentHash.Of(bytes);
            AtomicFile.Write(Path.Combine(blobFolder, hash), bytes);
            hashes.Add(hash);
        }
        var content = new SpoolEntry
        {
            Description = description,
            CreatedUtc = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            Records = records(hashes),
        };
        foreach (var record in content.Records) ArtifactStore.CheckRecordName(record.Name);
        AtomicFile.Write(Path.Combine(entry, EntryFile), JsonSerializer.SerializeToUtf8Bytes(content, Json));
        return hashes;
    }

    /// <summary>Complete entries waiting for the store, oldest first.</summary>
    public IReadOnlyList<string> Pending() =>
        Directory.EnumerateDirectories(Folder)
            .Where(d => Path.GetFileName(d) is not RejectedFolder && !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, EntryFile)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>Entries the store refused for good.</summary>
    public IReadOnlyList<string> Rejected()
    {
        string rejected = Path.Combine(Folder, RejectedFolder);
        return Directory.Exists(rejected) ? Directory.EnumerateDirectories(rejected).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>
    /// Sends every pending entry, oldest first. Stops at the first entry the store cannot take now
    /// (<see cref="StoreUnavailableException"/>, thrown after the entries before it were sent and removed);
    /// an entry the store refuses for good goes to <see cref="RejectedFolder"/> with the reason and is named in
    /// <see cref="SpoolUpload.Rejected"/> (its id, description and the store's error).
    /// </summary>
    public async Task<SpoolUpload> UploadAsync(ArtifactStore store, CancellationToken cancellationToken = default)
    {
        var result = new SpoolUpload();
        foreach (string id in Pending())
        {
            string entry = Path.Combine(Folder, id);
            SpoolEntry? content = null;
            try
            {
                content = Read(entry);
                await SendAsync(store, entry, content, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreException e) when (IsPermanent(e))
            {
                Reject(entry, id, e.Message);
                result.Rejected.Add(content is { Description.Length: > 0 } ? $"{id} ({content.Description}): {e.Message}" : $"{id}: {e.Message}");
                continue;
            }
            Remove(entry);
            result.Sent++;
        }
        return result;
    }

    private static SpoolEntry Read(string entry)
    {
        try
        {
            return JsonSerializer.Deserialize<SpoolEntry>(File.ReadAllBytes(Path.Combine(entry, EntryFile)), Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new SpoolEntryException($"{Path.Combine(entry, EntryFile)} is not a spool entry ({e.Message})");
        }
    }

    private static async Task SendAsync(ArtifactStore store, string entry, SpoolEntry content, CancellationToken cancellationToken)
    {
        string blobs = Path.Combine(entry, BlobFolder);
        if (Directory.Exists(blobs))
        {
            foreach (string file in Directory.EnumerateFiles(blobs).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var stored = await store.PutFileAsync(file, cancellationToken).ConfigureAwait(false);
                // A blob damaged on the local disk must not be named by a record.
                if (stored.Sha256 != Path.GetFileName(file))
                    throw new SpoolEntryException($"{file} no longer hashes to its name (it hashes to {stored.Sha256}): the spooled copy was damaged on disk");
            }
        }
        foreach (var record in content.Records)
        {
            try
            {
                await store.PutRecordAsync(record.Name, record.Content, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException) when (record.FirstWins)
            {
            }
        }
    }

    // Not worth trying again as things are: a damaged entry, a record that holds other content, or the store's
    // own refusal (access denied, a missing bucket). Such an entry would block every later one (oldest first),
    // so it is set aside in rejected/ for the operator, who moves it back once the cause is fixed.
    private static bool IsPermanent(StoreException e) => e is StoreConflictException or SpoolEntryException or StoreRefusedException;

    private void Reject(string entry, string id, string reason)
    {
        string rejected = OutputFolder.Create(Path.Combine(Folder, RejectedFolder));
        Directory.Move(entry, Path.Combine(rejected, id));
        AtomicFile.Write(Path.Combine(rejected, id, "reason.txt"), System.Text.Encoding.UTF8.GetBytes(reason + "\n"));
    }

    // entry.json first: a removal cut short leaves an incomplete folder, which is never sent again.
    private static void Remove(string entry)
    {
        File.Delete(Path.Combine(entry, EntryFile));
        Directory.Delete(entry, recursive: true);
    }

    private static byte[] ReadInput(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, $"cannot be read to spool it: {e.Message}", e);
        }
    }
}

/// <summary>What one pass over the spool did.</summary>
public sealed class SpoolUpload
{
    public int Sent { get; set; }

    public List<string> Rejected { get; } = [];
}

/// <summary>A spool entry that can never be sent as it is (damaged on the local disk).</summary>
public sealed class SpoolEntryException(string message) : StoreException(message);

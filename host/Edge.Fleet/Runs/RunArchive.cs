using Edge.Hil.Inputs;
using Edge.Hil.Plan;
using Edge.Hil.Results;
using Edge.Store;
using Edge.Store.Spool;

namespace Edge.Fleet.Runs;

/// <summary>
/// A run folder in the artifact store and back. Push: every file as a content-addressed blob, and records
/// that name them by hash (<see cref="StoredRun"/>, one <see cref="StoredCell"/> per cell result,
/// <see cref="StoredFiles"/> for the rest); pushing again uploads nothing new. Pull: the run folder
/// rebuilt from them, each file checked against its hash, results.json/.parquet combined as `edge hil run` does.
/// </summary>
public static class RunArchive
{
    public const string RunsFolder = "runs";

    /// <summary>Complete results of cells by their job's input key: what any host may reuse instead of measuring again.</summary>
    public const string MeasuredFolder = "measured";

    public static string RunRecord(string run) => $"{RunsFolder}/{run}/manifest.json";

    /// <summary>Pushes the run folder as run <paramref name="run"/>.</summary>
    public static async Task<PushSummary> PushAsync(ArtifactStore store, string folder, string run, string host, CancellationToken cancellationToken = default)
    {
        CheckRunName(run);
        var directory = RunDirectory.Existing(folder);
        var manifest = directory.ReadManifest()!;
        var counter = new PushSummary(run);
        var manifestBlob = await Put(store, directory.ManifestPath, counter, cancellationToken).ConfigureAwait(false);
        var inputs = new List<StoredInput>();
        foreach (var input in manifest.Inputs)
        {
            bool stored = false;
            if (File.Exists(input.Path))
            {
                var blob = await Put(store, input.Path, counter, cancellationToken).ConfigureAwait(false);
                // The file may have changed since the run: only bytes with the manifest's hash count as the input.
                stored = blob.Sha256 == input.Sha256;
            }
            else stored = input.Sha256.Length > 0 && await store.HasBlobAsync(input.Sha256, cancellationToken).ConfigureAwait(false);
            inputs.Add(new StoredInput(input.Role, Path.GetFileName(input.Path), input.Sha256, stored));
        }
        var record = RunRecordOf(run, manifest, manifestBlob.Sha256, manifestBlob.Bytes, inputs);
        await store.PutRecordAsync(RunRecord(run), ResultJson.Serialize(record), cancellationToken).ConfigureAwait(false);

        if (Directory.Exists(directory.ModelsFolder) && Directory.EnumerateFiles(directory.ModelsFolder).Any())
        {
            var files = new List<StoredFile>();
            foreach (string file in Directory.EnumerateFiles(directory.ModelsFolder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                var blob = await Put(store, file, counter, cancellationToken).ConfigureAwait(false);
                files.Add(new StoredFile(Relative(directory, file), blob.Sha256, blob.Bytes));
            }
            await PutHashedRecord(store, $"{RunsFolder}/{run}/files", new StoredFiles { Files = files }, cancellationToken).ConfigureAwait(false);
        }
        foreach (var result in directory.ReadResults(manifest))
            await PushCellAsync(store, run, directory, result, host, counter, cancellationToken: cancellationToken).ConfigureAwait(false);
        return counter;
    }

    /// <summary>Pushes one cell's result and trace (a worker does this as each cell finishes).</summary>
    public static async Task<StoredCell> PushCellAsync(ArtifactStore store, string run, RunDirectory directory, CellResult result, string host, PushSummary? counter = null,
        string worker = "", string? measuredKey = null, CancellationToken cancellationToken = default)
    {
        counter ??= new PushSummary(run);
        var files = new List<StoredFile>();
        var cellBlob = await Put(store, directory.CellPath(result.Cell), counter, cancellationToken).ConfigureAwait(false);
        files.Add(new StoredFile(Relative(directory, directory.CellPath(result.Cell)), cellBlob.Sha256, cellBlob.Bytes));
        if (result.TraceFile is { } trace && File.Exists(Path.Combine(directory.Root, trace)))
        {
            var traceBlob = await Put(store, Path.Combine(directory.Root, trace), counter, cancellationToken).ConfigureAwait(false);
            files.Add(new StoredFile(trace.Replace('\\', '/'), traceBlob.Sha256, traceBlob.Bytes));
        }
        var record = CellRecordOf(result, host, worker, files);
        if (await PutCellRecordAsync(store, run, record, cancellationToken).ConfigureAwait(false)) counter.Cells++;
        if (measuredKey is not null && CellStatus.IsComplete(result.Status))
        {
            // The first complete measurement of these inputs is the one every host reuses; a later one is not an error.
            try
            {
                await store.PutRecordAsync(MeasuredRecord(measuredKey), MeasuredContent(record, run), cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
            }
        }
        return record;
    }

    /// <summary>
    /// Spools one cell's result and trace with its records (the bytes <see cref="PushCellAsync"/> would write),
    /// for a run that must not lose a result while the store is down: the spool's uploader sends it.
    /// Returns the cell's record as it will be stored.
    /// </summary>
    public static StoredCell SpoolCell(StoreSpool spool, string run, RunDirectory directory, CellResult result, string host, string worker = "", string? measuredKey = null)
    {
        StoredCell? spooled = null;
        var paths = new List<string> { Relative(directory, directory.CellPath(result.Cell)) };
        if (result.TraceFile is { } trace && File.Exists(Path.Combine(directory.Root, trace))) paths.Add(trace.Replace('\\', '/'));
        var blobs = paths.Select(p => File.ReadAllBytes(Path.Combine(directory.Root, p))).ToList();
        spool.Add($"run {run} cell {result.Cell}", blobs.Select(SpoolBlob.Of).ToList(), hashes =>
        {
            var record = spooled = CellRecordOf(result, host, worker, paths.Select((p, i) => new StoredFile(p, hashes[i], blobs[i].Length)).ToList());
            var records = new List<SpoolRecord> { CellRecord(run, record) };
            if (measuredKey is not null && CellStatus.IsComplete(result.Status))
                records.Add(new SpoolRecord(MeasuredRecord(measuredKey), MeasuredContent(record, run), FirstWins: true));
            return records;
        });
        return spooled!;
    }

    /// <summary>Spools a cell record whose files the store has already (a cell reused from an earlier run).</summary>
    public static void SpoolCellRecord(StoreSpool spool, string run, StoredCell record) =>
        spool.Add($"run {run} cell {record.Cell} (reused)", [], _ => [CellRecord(run, record)]);

    /// <summary>Spools the run's own record: its manifest, converted models and the inputs the manifest names (as <see cref="PushAsync"/> stores them).</summary>
    public static void SpoolRun(StoreSpool spool, string folder, string run)
    {
        CheckRunName(run);
        var directory = RunDirectory.Existing(folder);
        var manifest = directory.ReadManifest()!;
        var inputs = manifest.Inputs.Where(i => File.Exists(i.Path)).Select(i => (Input: i, Bytes: File.ReadAllBytes(i.Path))).ToList();
        var models = Directory.Exists(directory.ModelsFolder)
            ? Directory.EnumerateFiles(directory.ModelsFolder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
        var blobs = new List<byte[]> { File.ReadAllBytes(directory.ManifestPath) };
        blobs.AddRange(inputs.Select(i => i.Bytes));
        blobs.AddRange(models.Select(File.ReadAllBytes));
        spool.Add($"run {run}", blobs.Select(SpoolBlob.Of).ToList(), hashes =>
        {
            var stored = manifest.Inputs.Select(i => new StoredInput(i.Role, Path.GetFileName(i.Path), i.Sha256,
                inputs.FindIndex(x => x.Input == i) is int at and >= 0 && hashes[1 + at] == i.Sha256)).ToList();
            var records = new List<SpoolRecord> { new(RunRecord(run), ResultJson.Serialize(RunRecordOf(run, manifest, hashes[0], blobs[0].Length, stored))) };
            if (models.Count > 0)
            {
                var files = new StoredFiles { Files = models.Select((m, i) => new StoredFile(Relative(directory, m), hashes[1 + inputs.Count + i], blobs[1 + inputs.Count + i].Length)).ToList() };
                byte[] bytes = ResultJson.Serialize(files);
                records.Add(new SpoolRecord($"{RunsFolder}/{run}/files/{ContentHash.Of(bytes)}.json", bytes));
            }
            return records;
        });
    }

    private static StoredRun RunRecordOf(string run, RunManifest manifest, string manifestSha256, long manifestBytes, IReadOnlyList<StoredInput> inputs) => new()
    {
        Run = run,
        Rig = manifest.Rig,
        Simulated = manifest.Simulated,
        EdgeVersion = manifest.EdgeVersion,
        Cells = manifest.Cells.Count,
        Manifest = new StoredFile("manifest.json", manifestSha256, manifestBytes),
        Inputs = inputs,
    };

    private static StoredCell CellRecordOf(CellResult result, string host, string worker, IReadOnlyList<StoredFile> files) => new()
    {
        Cell = result.Cell,
        Status = result.Status,
        InputsSha256 = result.InputsSha256,
        StartedUtc = result.StartedUtc,
        Host = host,
        Worker = worker,
        Files = files,
    };

    private static SpoolRecord CellRecord(string run, StoredCell record)
    {
        byte[] bytes = ResultJson.Serialize(record);
        return new SpoolRecord($"{RunsFolder}/{run}/cells/{record.Cell}/{ContentHash.Of(bytes)}.json", bytes);
    }

    private static string MeasuredRecord(string inputsSha256) => $"{MeasuredFolder}/{inputsSha256}.json";

    private static byte[] MeasuredContent(StoredCell record, string run) => ResultJson.Serialize(record with { ReusedFrom = run });

    /// <summary>Adds a result record of a cell to a run (false when the run had this very record already).</summary>
    public static Task<bool> PutCellRecordAsync(ArtifactStore store, string run, StoredCell record, CancellationToken cancellationToken = default)
    {
        byte[] bytes = ResultJson.Serialize(record);
        return store.PutRecordAsync($"{RunsFolder}/{run}/cells/{record.Cell}/{ContentHash.Of(bytes)}.json", bytes, cancellationToken);
    }

    /// <summary>A complete result of a cell with these inputs (a job's key), measured by any host in any run; null when none.</summary>
    public static async Task<StoredCell?> FindMeasuredAsync(ArtifactStore store, string inputsSha256, CancellationToken cancellationToken = default) =>
        await store.GetRecordAsync($"{MeasuredFolder}/{inputsSha256}.json", cancellationToken).ConfigureAwait(false) is { } bytes
            ? ResultJson.Deserialize<StoredCell>(bytes)
            : null;

    /// <summary>Files of a record into a run folder (each checked against its hash; those already there with it are kept).</summary>
    public static async Task FetchFilesAsync(ArtifactStore store, RunDirectory directory, IEnumerable<StoredFile> files, CancellationToken cancellationToken = default)
    {
        var summary = new PullSummary("", directory.Root);
        foreach (var file in files) await Fetch(store, directory, file, summary, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds run <paramref name="run"/> in <paramref name="folder"/> and combines its results.</summary>
    public static async Task<PullSummary> PullAsync(ArtifactStore store, string run, string folder, CancellationToken cancellationToken = default)
    {
        CheckRunName(run);
        var record = await ReadRunAsync(store, run, cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException($"{store.Location} has no run '{run}' (see `edge store ls`)");
        var directory = RunDirectory.Create(folder);
        var summary = new PullSummary(run, directory.Root);
        await Fetch(store, directory, record.Manifest, summary, cancellationToken).ConfigureAwait(false);
        foreach (var entry in await store.ListAsync($"{RunsFolder}/{run}/files/", cancellationToken).ConfigureAwait(false))
        {
            var files = await ReadRecord<StoredFiles>(store, entry.Name, cancellationToken).ConfigureAwait(false);
            foreach (var file in files.Files) await Fetch(store, directory, file, summary, cancellationToken).ConfigureAwait(false);
        }
        foreach (var cell in await CellsAsync(store, run, cancellationToken).ConfigureAwait(false))
        {
            foreach (var file in cell.Files) await Fetch(store, directory, file, summary, cancellationToken).ConfigureAwait(false);
            summary.Cells++;
        }
        var manifest = directory.ReadManifest()!;
        await directory.CombineAsync(manifest).ConfigureAwait(false);
        return summary;
    }

    /// <summary>The best stored result of each cell of the run: complete over failed, then the latest.</summary>
    public static async Task<IReadOnlyList<StoredCell>> CellsAsync(ArtifactStore store, string run, CancellationToken cancellationToken = default)
    {
        var all = new List<StoredCell>();
        foreach (var entry in await store.ListAsync($"{RunsFolder}/{run}/cells/", cancellationToken).ConfigureAwait(false))
            all.Add(await ReadRecord<StoredCell>(store, entry.Name, cancellationToken).ConfigureAwait(false));
        return all.GroupBy(c => c.Cell, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => CellStatus.IsComplete(c.Status)).ThenByDescending(c => c.StartedUtc, StringComparer.Ordinal).First())
            .OrderBy(c => c.Cell, StringComparer.Ordinal).ToList();
    }

    public static async Task<StoredRun?> ReadRunAsync(ArtifactStore store, string run, CancellationToken cancellationToken = default) =>
        await store.GetRecordAsync(RunRecord(run), cancellationToken).ConfigureAwait(false) is { } bytes
            ? ResultJson.Deserialize<StoredRun>(bytes)
            : null;

    /// <summary>The runs in the store, by name.</summary>
    public static async Task<IReadOnlyList<string>> ListRunsAsync(ArtifactStore store, CancellationToken cancellationToken = default) =>
        (await store.ListAsync(RunsFolder + "/", cancellationToken).ConfigureAwait(false))
            .Where(e => e.Name.EndsWith("/manifest.json", StringComparison.Ordinal) && e.Name.Count(c => c == '/') == 2)
            .Select(e => e.Name.Split('/')[1]).ToList();

    public static void CheckRunName(string run)
    {
        if (run.Contains('/') || run is "." or "..") throw new StoreException($"'{run}' is not a run name (no '/')");
        ArtifactStore.CheckRecordName(run);
    }

    private static async Task<StoredBlob> Put(ArtifactStore store, string path, PushSummary counter, CancellationToken cancellationToken)
    {
        var blob = await store.PutFileAsync(path, cancellationToken).ConfigureAwait(false);
        counter.Count(blob);
        return blob;
    }

    private static async Task PutHashedRecord<T>(ArtifactStore store, string folder, T record, CancellationToken cancellationToken)
    {
        byte[] bytes = ResultJson.Serialize(record);
        await store.PutRecordAsync($"{folder}/{ContentHash.Of(bytes)}.json", bytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadRecord<T>(ArtifactStore store, string name, CancellationToken cancellationToken)
    {
        byte[] bytes = await store.GetRecordAsync(name, cancellationToken).ConfigureAwait(false) ?? throw new StoreException($"{store.Location}: {name} vanished while it was read");
        try
        {
            return ResultJson.Deserialize<T>(bytes) ?? throw new StoreException($"{store.Location}: {name} is empty");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new StoreException($"{store.Location}: {name} is not an Edge record ({e.Message})", e);
        }
    }

    private static async Task Fetch(ArtifactStore store, RunDirectory directory, StoredFile file, PullSummary summary, CancellationToken cancellationToken)
    {
        string path = Path.GetFullPath(Path.Combine(directory.Root, file.Path));
        if (!path.StartsWith(directory.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new StoreException($"{store.Location}: run '{summary.Run}' names a file outside its folder ({file.Path}); not pulled");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && new FileInfo(path).Length == file.Bytes && await SameHash(path, file.Sha256, cancellationToken).ConfigureAwait(false)) return;
        await store.GetFileAsync(file.Sha256, path, cancellationToken).ConfigureAwait(false);
        summary.Files++;
        summary.Bytes += file.Bytes;
    }

    private static async Task<bool> SameHash(string path, string sha256, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await ContentHash.OfAsync(stream, cancellationToken).ConfigureAwait(false) == sha256;
    }

    private static string Relative(RunDirectory directory, string path) => Path.GetRelativePath(directory.Root, path).Replace('\\', '/');
}

/// <summary>What a push did: blobs uploaded (and bytes) against those the store had already, cell records added.</summary>
public sealed class PushSummary(string run)
{
    public string Run { get; } = run;

    public int Uploaded { get; private set; }

    public int AlreadyStored { get; private set; }

    public long UploadedBytes { get; private set; }

    public int Cells { get; set; }

    internal void Count(StoredBlob blob)
    {
        if (blob.Uploaded)
        {
            Uploaded++;
            UploadedBytes += blob.Bytes;
        }
        else AlreadyStored++;
    }
}

/// <summary>What a pull wrote: files fetched (those already present with the right hash are kept) and cells.</summary>
public sealed class PullSummary(string run, string folder)
{
    public string Run { get; } = run;

    public string Folder { get; } = folder;

    public int Files { get; set; }

    public long Bytes { get; set; }

    public int Cells { get; set; }
}

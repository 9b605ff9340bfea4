namespace Edge.Fleet.Runs;

/// <summary>
/// `runs/RUN/manifest.json` in the store: the run's manifest.json as a blob, and every input the manifest
/// names (rig, ONNX, .edgem) with its SHA-256 and whether its bytes are in the store too. Written once.
/// </summary>
public sealed record StoredRun
{
    public const string CurrentFormat = "edge-store-run/1";

    public string Format { get; init; } = CurrentFormat;

    public string Run { get; init; } = "";

    public string Rig { get; init; } = "";

    public bool Simulated { get; init; }

    public string EdgeVersion { get; init; } = "";

    public int Cells { get; init; }

    public StoredFile Manifest { get; init; } = new("manifest.json", "", 0);

    public IReadOnlyList<StoredInput> Inputs { get; init; } = [];

    /// <summary>Submitted runs: the bench host (rig) each cell was queued for.</summary>
    public IReadOnlyList<CellPlacement> Placement { get; init; } = [];
}

/// <summary>A cell and the bench host whose queue it went to.</summary>
public sealed record CellPlacement(string Cell, string Host);

/// <summary>
/// `runs/RUN/cells/CELL/HASH.json`: one result of a cell (its result file and trace as blobs). Named by the
/// hash of its own bytes, so a cell measured again (a retry on another host, a resumed run) adds a record
/// and loses none; a reader takes a complete result over a failed one, then the latest.
/// </summary>
public sealed record StoredCell
{
    public string Cell { get; init; } = "";

    public string Status { get; init; } = "";

    public string InputsSha256 { get; init; } = "";

    public string StartedUtc { get; init; } = "";

    /// <summary>The bench host that measured it (a worker's name; the local host for a pushed folder).</summary>
    public string Host { get; init; } = "";

    /// <summary>The worker process that measured it (`edge hil worker --name`), when a worker did.</summary>
    public string Worker { get; init; } = "";

    /// <summary>When not measured but taken from an earlier measurement with the same inputs: that run.</summary>
    public string? ReusedFrom { get; init; }

    public IReadOnlyList<StoredFile> Files { get; init; } = [];
}

/// <summary>`runs/RUN/files/HASH.json`: other files of the run folder (converted models and their provenance).</summary>
public sealed record StoredFiles
{
    public IReadOnlyList<StoredFile> Files { get; init; } = [];
}

/// <summary>A file of a run folder: its path inside the folder and its blob.</summary>
public sealed record StoredFile(string Path, string Sha256, long Bytes);

/// <summary>An input of the run by hash; <see cref="Stored"/> when its bytes were pushed too.</summary>
public sealed record StoredInput(string Role, string Name, string Sha256, bool Stored);

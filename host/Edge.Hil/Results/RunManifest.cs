namespace Edge.Hil.Results;

/// <summary>
/// What a run directory holds (manifest.json): the rig and its hash, the whole matrix (every
/// shard's cells), the models and tables with their hashes, and the measurement plan. Shards of
/// one run write the same manifest; a run with another matrix is refused unless resumed.
/// </summary>
public sealed record RunManifest
{
    public const string CurrentFormat = "edge-hil-run/1";

    public string Format { get; init; } = CurrentFormat;

    public string Rig { get; init; } = "";

    public string RigFile { get; init; } = "";

    public string RigSha256 { get; init; } = "";

    public string Plan { get; init; } = "";

    public IReadOnlyList<string> Firmware { get; init; } = [];

    public IReadOnlyList<ManifestCell> Cells { get; init; } = [];

    public IReadOnlyList<ManifestInput> Inputs { get; init; } = [];

    /// <summary>True when every board of the rig is simulated (the report says so).</summary>
    public bool Simulated { get; init; }

    public string EdgeVersion { get; init; } = "";
}

/// <summary>A cell of the manifest's matrix.</summary>
public sealed record ManifestCell(string Cell, string Model, string Board, string Firmware);

/// <summary>An input file of the run and its SHA-256.</summary>
public sealed record ManifestInput(string Role, string Path, string Sha256);

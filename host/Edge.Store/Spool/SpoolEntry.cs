namespace Edge.Store.Spool;

/// <summary>
/// What one spool entry asks of the store, in `entry.json`: the records to write once, in order, after
/// the entry's blobs (files under `blobs/`, each named by its SHA-256) are in the store. A record names
/// its blobs by hash, so it is written only when they are there.
/// </summary>
public sealed record SpoolEntry
{
    public const string CurrentFormat = "edge-spool-entry/1";

    public string Format { get; init; } = CurrentFormat;

    /// <summary>What the entry is, for logs ("capture Loom3 window 42").</summary>
    public string Description { get; init; } = "";

    public string CreatedUtc { get; init; } = "";

    public IReadOnlyList<SpoolRecord> Records { get; init; } = [];
}

/// <summary>A record's name in the store and its exact bytes (base64 in JSON: the bytes are what is written).</summary>
/// <param name="FirstWins">The name may already hold other content, and that is fine (the first of several equal measurements is the one kept).</param>
public sealed record SpoolRecord(string Name, byte[] Content, bool FirstWins = false);

/// <summary>A blob to spool: bytes held in memory or a file to copy; its SHA-256 becomes its name.</summary>
public sealed record SpoolBlob
{
    private SpoolBlob(byte[]? bytes, string? path)
    {
        Bytes = bytes;
        Path = path;
    }

    public byte[]? Bytes { get; }

    public string? Path { get; }

    public static SpoolBlob Of(byte[] bytes) => new(bytes, null);

    public static SpoolBlob File(string path) => new(null, path);
}

namespace Edge.Store;

/// <summary>A blob in the store: its SHA-256, its size, and whether this put uploaded it (false: it was there already).</summary>
public sealed record StoredBlob(string Sha256, long Bytes, bool Uploaded);

/// <summary>An object listed in the store: its name under the store's root (blobs are `sha256/ab/HASH`) and size.</summary>
public sealed record StoreEntry(string Name, long Bytes);

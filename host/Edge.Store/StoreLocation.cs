namespace Edge.Store;

/// <summary>
/// Where artifacts go: `s3://bucket/prefix` (any S3-compatible store; endpoint and credentials as AWS
/// tooling takes them) or a local folder. Without `--store`, `EDGE_STORE`, else the user's data folder.
/// </summary>
public sealed record StoreLocation
{
    public const string Variable = "EDGE_STORE";

    private StoreLocation(string? folder, string? bucket, string prefix)
    {
        Folder = folder;
        Bucket = bucket;
        Prefix = prefix;
    }

    /// <summary>The local folder; null for S3.</summary>
    public string? Folder { get; }

    public string? Bucket { get; }

    /// <summary>The key prefix inside the bucket, without slashes at either end ("" for the bucket's root).</summary>
    public string Prefix { get; }

    public bool IsS3 => Bucket is not null;

    public override string ToString() => IsS3 ? $"s3://{Bucket}/{Prefix}".TrimEnd('/') : Folder!;

    /// <summary>`s3://bucket[/prefix]` or a folder path; other URL schemes are refused by name.</summary>
    public static StoreLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new StoreException("--store: give s3://bucket/prefix or a folder");
        if (text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
        {
            string rest = text[5..];
            int slash = rest.IndexOf('/');
            string bucket = slash < 0 ? rest : rest[..slash];
            string prefix = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
            if (!ValidBucket(bucket))
                throw new StoreException($"--store {text}: '{bucket}' is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)");
            if (prefix.Split('/').Any(part => part is "." or ".."))
                throw new StoreException($"--store {text}: the prefix may not contain '.' or '..' parts");
            return new StoreLocation(null, bucket, prefix);
        }
        if (text.Contains("://", StringComparison.Ordinal))
            throw new StoreException($"--store {text}: only s3:// URLs and local folders are stores");
        return new StoreLocation(Path.GetFullPath(text), null, "");
    }

    /// <summary>The given location, else `EDGE_STORE`, else `$XDG_DATA_HOME/edge/store` (~/.local/share/edge/store).</summary>
    public static StoreLocation Resolve(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given)) return Parse(given);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) return Parse(configured);
        string data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Parse(Path.Combine(data, "edge", "store"));
    }

    private static bool ValidBucket(string name) =>
        name.Length is >= 3 and <= 63 && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1]);
}

using Edge.Store;

namespace Edge.PlcBridge.Configuration;

/// <summary>
/// `store:`: where retraining captures go for good (an S3-compatible bucket or a folder, Edge's artifact
/// store), and the local spool that holds each capture until the store has confirmed it.
/// </summary>
/// <param name="Location">`url:` (s3://bucket/prefix or a folder); endpoint and keys from AWS_* variables.</param>
/// <param name="SpoolFolder">`spool:`, full path; default the capture folder's `spool` subfolder.</param>
public sealed record StoreConfig(StoreLocation Location, string SpoolFolder)
{
    public const string DefaultSpoolFolder = "spool";
}

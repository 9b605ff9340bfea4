using System.CommandLine;
using Edge.Store;

namespace Edge.Cli.Commands.Store;

/// <summary>`--store`, shared by every command that reads or writes artifacts.</summary>
internal static class StoreOptions
{
    public static Option<string?> Create(string purpose) => new("--store")
    {
        Description = $"{purpose}: s3://bucket/prefix (any S3-compatible store; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or " +
            $"AWS_PROFILE, endpoint from AWS_ENDPOINT_URL) or a folder. Default: ${StoreLocation.Variable}, else ~/.local/share/edge/store.",
    };

    public static ArtifactStore Open(ParseResult parse, Option<string?> option) => ArtifactStore.Open(StoreLocation.Resolve(parse.GetValue(option)));
}

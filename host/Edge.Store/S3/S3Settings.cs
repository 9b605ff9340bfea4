using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace Edge.Store.S3;

/// <summary>
/// How to reach an S3-compatible store, the way AWS tooling is configured: credentials from the SDK's
/// own chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE with ~/.aws/credentials, ...), the
/// endpoint of a non-AWS store (MinIO, Ceph RGW) from AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, the region
/// from AWS_REGION (default us-east-1, which S3-compatible stores accept).
/// </summary>
public sealed record S3Settings
{
    /// <summary>The endpoint of an S3-compatible store; null = AWS itself.</summary>
    public Uri? Endpoint { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Explicit keys (tests, services with their own configuration); null = the SDK's credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Per-request time limit; a store that does not answer in time is unavailable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The SDK's own retries of a failed request.</summary>
    public int Retries { get; init; } = 3;

    public static S3Settings FromEnvironment()
    {
        string? endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_S3") is { Length: > 0 } s3
            ? s3
            : Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        string? region = Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        Uri? uri = null;
        if (endpoint is { Length: > 0 } && !Uri.TryCreate(endpoint, UriKind.Absolute, out uri))
            throw new StoreException($"AWS_ENDPOINT_URL '{endpoint}' is not a URL (e.g. http://127.0.0.1:9000)");
        return new S3Settings { Endpoint = uri, Region = region is { Length: > 0 } ? region : "us-east-1", Credentials = Profile() };
    }

    /// <summary>
    /// AWS_PROFILE's keys from the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials),
    /// read here so a missing profile is named; null without AWS_PROFILE (the SDK's chain then looks: environment keys, default profile, ...).
    /// </summary>
    private static AWSCredentials? Profile()
    {
        if (Environment.GetEnvironmentVariable("AWS_PROFILE") is not { Length: > 0 } profile) return null;
        string? file = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } f ? f : null;
        var chain = file is null ? new CredentialProfileStoreChain() : new CredentialProfileStoreChain(file);
        return chain.TryGetAWSCredentials(profile, out var credentials)
            ? credentials
            : throw new StoreException($"AWS_PROFILE '{profile}' is not a profile with keys in {file ?? "~/.aws/credentials or ~/.aws/config"}");
    }

    internal AmazonS3Client CreateClient()
    {
        var config = new AmazonS3Config
        {
            // Stores other than AWS (MinIO, Ceph RGW) serve buckets by path, not by host name.
            ForcePathStyle = Endpoint is not null,
            // The SDK's default trailing checksums (aws-chunked uploads) are refused by older S3-compatible stores
            // (Ceph RGW Pacific, older MinIO); Edge checks every blob's SHA-256 itself.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = Timeout,
            MaxErrorRetry = Retries,
        };
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint.ToString();
            config.AuthenticationRegion = Region;
        }
        else config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        try
        {
            return Credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(Credentials, config);
        }
        catch (AmazonClientException e)
        {
            throw new StoreException($"no AWS credentials for the S3 store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE ({e.Message})", e);
        }
    }
}

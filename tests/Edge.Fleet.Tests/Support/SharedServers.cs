using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Edge.Store;
using Edge.Store.S3;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Support;

/// <summary>
/// The real servers of this assembly, each started on first use and shared by every test of the run
/// (start-up costs seconds), then stopped by pid when the assembly ends.
/// </summary>
[TestClass]
public static class SharedServers
{
    private static readonly Lazy<CephGateway> Ceph = new(CephGateway.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<PostgresServer> Postgres = new(PostgresServer.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static CephGateway Gateway => Ceph.Value;

    public static PostgresServer Database => Postgres.Value;

    public static S3Settings S3 => new()
    {
        Endpoint = Gateway.Endpoint,
        Credentials = new BasicAWSCredentials(CephGateway.AccessKey, CephGateway.SecretKey),
        // A test of an outage waits for these, not the SDK's defaults.
        Timeout = TimeSpan.FromSeconds(10),
        Retries = 1,
    };

    /// <summary>A new bucket on the gateway, created with AWSSDK directly (not through Edge).</summary>
    public static string NewBucket()
    {
        string bucket = "edge-" + Guid.NewGuid().ToString("N")[..12];
        using var client = RawClient();
        client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        return bucket;
    }

    /// <summary>An AWSSDK client on the gateway, for checking what Edge wrote without Edge's code.</summary>
    public static AmazonS3Client RawClient() => new(new BasicAWSCredentials(CephGateway.AccessKey, CephGateway.SecretKey), new AmazonS3Config
    {
        ServiceURL = Gateway.Endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>A store of the given kind: "folder" (a fresh temporary folder) or "s3" (a fresh bucket and prefix on the gateway).</summary>
    public static ArtifactStore NewStore(string kind) => kind switch
    {
        "folder" => ArtifactStore.Open(StoreLocation.Parse(RepoPaths.TempDirectory("store"))),
        "s3" => ArtifactStore.Open(StoreLocation.Parse($"s3://{NewBucket()}/team/edge"), S3),
        _ => throw new ArgumentException(kind),
    };

    [AssemblyCleanup]
    public static void StopAll()
    {
        if (Ceph.IsValueCreated) Ceph.Value.Dispose();
        if (Postgres.IsValueCreated) Postgres.Value.Dispose();
    }
}

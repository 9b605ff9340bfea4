using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Edge.Store.S3;

/// <summary>
/// A bucket (and key prefix) of an S3-compatible store through AWSSDK.S3. Write-once is the store's own
/// conditional put (`If-None-Match: *`, answered 412 when the key exists), so two hosts racing to write
/// one record cannot both succeed. Errors become <see cref="StoreException"/>s naming the bucket; a store
/// that cannot be reached is a <see cref="StoreUnavailableException"/> (callers may spool and retry).
/// </summary>
public sealed class S3Store : ArtifactStore
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _root;

    public S3Store(StoreLocation location, S3Settings settings) : base(location)
    {
        _bucket = location.Bucket ?? throw new ArgumentException("not an S3 location", nameof(location));
        _root = location.Prefix.Length == 0 ? "" : location.Prefix + "/";
        Settings = settings;
        _client = settings.CreateClient();
    }

    public S3Settings Settings { get; }

    protected override async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _client.GetObjectMetadataAsync(_bucket, _root + name, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is not "NoSuchBucket")
        {
            return false;
        }
        catch (Exception e) when (Translate(e, name, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    protected override async Task<bool> PutIfAbsentAsync(string name, Stream content, long length, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _root + name,
            InputStream = content,
            AutoCloseStream = false,
            IfNoneMatch = "*",
            UseChunkEncoding = false,
        };
        request.Headers.ContentLength = length;
        try
        {
            await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        // 412: the key exists. 409: another conditional write of this key is in flight; one of them wins.
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            return false;
        }
        catch (Exception e) when (Translate(e, name, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    protected override async Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GetObjectAsync(_bucket, _root + name, cancellationToken).ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is "NoSuchKey" or null or "")
        {
            return null;
        }
        catch (Exception e) when (Translate(e, name, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    protected override async Task<IReadOnlyList<StoreEntry>> ListObjectsAsync(string prefix, CancellationToken cancellationToken)
    {
        var entries = new List<StoreEntry>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _root + prefix };
        try
        {
            ListObjectsV2Response response;
            do
            {
                response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                foreach (var item in response.S3Objects ?? []) entries.Add(new StoreEntry(item.Key[_root.Length..], item.Size ?? 0));
                request.ContinuationToken = response.NextContinuationToken;
            }
            while (response.IsTruncated == true);
        }
        catch (Exception e) when (Translate(e, prefix, cancellationToken) is { } failure)
        {
            throw failure;
        }
        return entries;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _client.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>What the user is told; null for what is not the store's doing (a cancelled call, a bug).</summary>
    private StoreException? Translate(Exception e, string name, CancellationToken cancellationToken)
    {
        string where = $"{Location}/{name}".Replace("//", "/", StringComparison.Ordinal).Replace("s3:/", "s3://", StringComparison.Ordinal);
        string endpoint = Settings.Endpoint?.ToString() ?? "AWS S3";
        return e switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => null,
            // The SDK's own time limit ends a request as a cancellation nobody asked for.
            OperationCanceledException => new StoreUnavailableException($"{where}: {endpoint} did not answer within {Settings.Timeout.TotalSeconds:0.#} s", e),
            // Refusals that pass with time (a busy store, a request that took too long, a clock set wrong for a
            // moment): worth trying again, so unavailable rather than refused for good.
            AmazonS3Exception { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests }
                or AmazonS3Exception { ErrorCode: "SlowDown" or "RequestTimeout" or "RequestTimeTooSkewed" or "TooManyRequests" } =>
                new StoreUnavailableException($"{where}: {endpoint} asked to try later ({(int)((AmazonS3Exception)e).StatusCode} {((AmazonS3Exception)e).ErrorCode}: {e.Message})", e),
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } => new StoreRefusedException($"{Location}: the bucket '{_bucket}' does not exist at {endpoint} (create it first)", e),
            AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } or AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" } =>
                new StoreRefusedException($"{where}: access denied by {endpoint} ({e.Message}); check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or AWS_PROFILE", e),
            AmazonS3Exception { StatusCode: >= HttpStatusCode.InternalServerError } => new StoreUnavailableException($"{where}: {endpoint} failed ({(int)((AmazonS3Exception)e).StatusCode}: {e.Message})", e),
            AmazonS3Exception s3 => new StoreRefusedException($"{where}: {endpoint} refused ({(int)s3.StatusCode} {s3.ErrorCode}: {e.Message})", e),
            HttpRequestException or IOException or TimeoutException or WebException =>
                new StoreUnavailableException($"{where}: cannot reach {endpoint} ({e.Message})", e),
            AmazonClientException when e.InnerException is HttpRequestException or IOException or WebException or TimeoutException or TaskCanceledException =>
                new StoreUnavailableException($"{where}: cannot reach {endpoint} ({e.InnerException.Message})", e),
            AmazonClientException when e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("profile", StringComparison.OrdinalIgnoreCase) =>
                new StoreException($"no AWS credentials for {Location}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE ({e.Message})", e),
            AmazonClientException => new StoreUnavailableException($"{where}: {endpoint}: {e.Message}", e),
            _ => null,
        };
    }
}

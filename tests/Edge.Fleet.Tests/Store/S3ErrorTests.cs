using Amazon.Runtime;
using Edge.Fleet.Tests.Support;
using Edge.Store;
using Edge.Store.S3;
using Edge.TestSupport;
using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Store;

/// <summary>What a user is told when the S3 store refuses or is not there: one message naming the store and what to check.</summary>
[TestClass]
public sealed class S3ErrorTests
{
    [TestMethod]
    public async Task Wrong_keys_are_access_denied_naming_the_variables_to_check()
    {
        using var store = ArtifactStore.Open(StoreLocation.Parse($"s3://{SharedServers.NewBucket()}/p"),
            SharedServers.S3 with { Credentials = new BasicAWSCredentials(CephGateway.AccessKey, "wrong-secret") });

        var error = await Assert.ThrowsAsync<StoreException>(() => store.PutBytesAsync([1, 2, 3]));

        StringAssert.Contains(error.Message, "access denied");
        StringAssert.Contains(error.Message, "AWS_SECRET_ACCESS_KEY");
    }

    [TestMethod]
    public async Task A_missing_bucket_is_named()
    {
        using var store = ArtifactStore.Open(StoreLocation.Parse("s3://no-such-bucket-here/p"), SharedServers.S3);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.PutRecordAsync("runs/x/manifest.json", [1]));

        StringAssert.Contains(error.Message, "'no-such-bucket-here' does not exist");
    }

    [TestMethod]
    public async Task An_endpoint_nobody_listens_on_is_unavailable_not_refused()
    {
        int port = ServerProcess.FreePort();
        using var store = ArtifactStore.Open(StoreLocation.Parse("s3://bucket/p"),
            SharedServers.S3 with { Endpoint = new Uri($"http://127.0.0.1:{port}/"), Retries = 0 });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PutBytesAsync([1]));

        StringAssert.Contains(error.Message, $"127.0.0.1:{port}");
    }

    [TestMethod]
    [DataRow(429, "SlowDown")]
    [DataRow(503, "SlowDown")]
    [DataRow(400, "RequestTimeout")]
    [DataRow(403, "RequestTimeTooSkewed")]
    public async Task Refusals_that_pass_with_time_are_unavailable_so_spooled_entries_wait(int status, string code)
    {
        // An S3 endpoint that answers every request with this error document (the S3 REST error format).
        int port = ServerProcess.FreePort();
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answering = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                System.Net.HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException) { return; }
                byte[] body = System.Text.Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>try later</Message><RequestId>r1</RequestId></Error>");
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/xml";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        using var store = ArtifactStore.Open(StoreLocation.Parse("s3://bucket/p"),
            SharedServers.S3 with { Endpoint = new Uri($"http://127.0.0.1:{port}/"), Retries = 0 });

        var error = await Assert.ThrowsAsync<StoreException>(() => store.PutRecordAsync("runs/x/manifest.json", [1]));

        Assert.IsInstanceOfType<StoreUnavailableException>(error, error.Message);
        StringAssert.Contains(error.Message, code);
        listener.Stop();
        await answering;
    }

    [TestMethod]
    public void Locations_parse_buckets_prefixes_and_folders_and_refuse_other_schemes()
    {
        var s3 = StoreLocation.Parse("s3://team-artifacts/edge/bench/");
        Assert.AreEqual("team-artifacts", s3.Bucket);
        Assert.AreEqual("edge/bench", s3.Prefix);
        Assert.AreEqual("s3://team-artifacts/edge/bench", s3.ToString());
        Assert.AreEqual(Path.GetFullPath("some/folder"), StoreLocation.Parse("some/folder").Folder);
        StringAssert.Contains(Assert.ThrowsExactly<StoreException>(() => StoreLocation.Parse("gs://bucket/x")).Message, "only s3://");
        StringAssert.Contains(Assert.ThrowsExactly<StoreException>(() => StoreLocation.Parse("s3://Bad_Bucket/x")).Message, "not an S3 bucket name");
        StringAssert.Contains(Assert.ThrowsExactly<StoreException>(() => StoreLocation.Parse("s3://bucket/a/../b")).Message, "'..'");
    }
}

using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Edge.Board.Simulation;
using Edge.Device.Drift;
using Edge.Fleet.Tests.Support;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Hosting;
using Edge.PlcBridge.Links;
using Edge.PlcBridge.Tests.Support;
using Edge.Store;
using Edge.Store.Spool;
using Edge.TestSupport.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Fleet.Tests.Captures;

/// <summary>
/// Issue 14, part 4: a board's retraining capture, fetched by the bridge when the PLC acknowledges its drift
/// alarm, goes to the artifact store (Ceph's S3 gateway) through the bridge's spool; the gateway is killed
/// by pid before the acknowledge and started again afterwards.
/// </summary>
[TestClass]
public sealed class BridgeCaptureStoreTests
{
    [TestMethod]
    public async Task A_capture_acknowledged_while_the_store_is_down_waits_in_the_spool_and_is_stored_once_when_the_store_is_back()
    {
        string bucket = SharedServers.NewBucket();
        string spoolFolder = Path.Combine(RepoPaths.TempDirectory("bridge-spool"), "spool");
        var board = new SimulatedBoard(BoardProfile.NucleoF746zg.WithUnconstrainedMemory(), RepoPaths.TempDirectory("capture-board"), "loom3");
        await using var host = SimulatedBoardHost.ListenTcp(board, System.Net.IPAddress.Loopback, 0);
        string modelId = await SimulatedBoards.LoadFluxMlpAsync(host.Address, board, rows: 600);
        string profile = Path.Combine(RepoPaths.TempDirectory("capture-profile"), "motor.edgp");
        File.WriteAllBytes(profile, SimulatedBoards.ProfileBytes);
        var capture = board.Runtime.Rows.Drift!.Capture;
        await Eventually.TrueAsync(() => capture.State == CaptureState.Frozen && board.Runtime.Rows.Samples == 600, "drift confirmed, capture frozen");
        long frozenAt = capture.FrozenAtWindow;
        int rows = capture.Count;

        var config = StoreConfigReader.WithStore(new BridgeConfig
        {
            Boards = [new BoardEndpointConfig("Loom3", host.Address, 115200, TimeSpan.FromSeconds(5), 1) { ProfilePath = profile, CaptureFolder = RepoPaths.TempDirectory("captures") }],
        }, StoreLocation.Parse($"s3://{bucket}/bridge"));
        config = config with { Store = config.Store! with { SpoolFolder = spoolFolder } };
        config = StoreConfigReader.WithSpool(config);
        var spool = new StoreSpool(spoolFolder);
        using var environment = GatewayEnvironment.Set();
        // The bridge's own uploader service, trying again quickly for the test.
        var uploads = new CaptureUploadService(config.Store!, NullLogger<CaptureUploadService>.Instance,
            new SpoolRetry { Poll = TimeSpan.FromMilliseconds(200), First = TimeSpan.FromMilliseconds(200), Longest = TimeSpan.FromSeconds(1) });
        await uploads.StartAsync(CancellationToken.None);
        try
        {
            SharedServers.Gateway.StopGateway();
            await using (var feed = new LinkBoardFeed(config.Boards[0]))
            {
                await using var snapshots = feed.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
                Assert.IsTrue(await snapshots.MoveNextAsync());
                // The acknowledge needs only the local spool: it completes while the store is down.
                await feed.AcknowledgeAlarmAsync(CancellationToken.None);
            }
            Assert.AreEqual(CaptureState.Idle, capture.State, "the board released the capture once it was spooled");
            Assert.HasCount(1, spool.Pending(), "the capture waits in the spool");
            await Eventually.TrueAsync(() => uploads.Uploader is { Failures: >= 2 }, "the uploader tried the store (down) and backed off");
            Assert.HasCount(1, spool.Pending(), "nothing leaves the spool before the store confirmed it");
        }
        finally
        {
            SharedServers.Gateway.StartGateway();
        }
        await Eventually.TrueAsync(() => spool.Pending().Count == 0, "the spool emptied once the store was back", TimeSpan.FromMinutes(1));
        await uploads.StopAsync(CancellationToken.None);

        // What is in the bucket, read with AWSSDK directly: one record, one blob.
        using var client = SharedServers.RawClient();
        var objects = (await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = "bridge/" })).S3Objects ?? [];
        var records = objects.Where(o => o.Key.StartsWith("bridge/captures/Loom3/", StringComparison.Ordinal)).ToList();
        var blobs = objects.Where(o => o.Key.StartsWith("bridge/sha256/", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, records, string.Join(", ", objects.Select(o => o.Key)));
        Assert.HasCount(1, blobs, string.Join(", ", objects.Select(o => o.Key)));
        StringAssert.EndsWith(records[0].Key, $"-w{frozenAt}.json");
        using var record = JsonDocument.Parse(await Read(client, bucket, records[0].Key));
        var root = record.RootElement;
        Assert.AreEqual("Loom3", root.GetProperty("board").GetString());
        Assert.AreEqual(modelId, root.GetProperty("model_id").GetString());
        Assert.AreEqual("motor.edgp", root.GetProperty("profile").GetString());
        Assert.AreEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SimulatedBoards.ProfileBytes)), root.GetProperty("profile_sha256").GetString());
        Assert.AreEqual(frozenAt, root.GetProperty("frozen_at_window").GetInt64());
        Assert.AreEqual(rows, root.GetProperty("rows").GetInt32());
        Assert.IsTrue(DateTime.UtcNow - root.GetProperty("captured_utc").GetDateTime().ToUniversalTime() < TimeSpan.FromHours(1), "a time of this run");
        byte[] csv = await Read(client, bucket, blobs[0].Key);
        Assert.AreEqual(root.GetProperty("sha256").GetString(), blobs[0].Key.Split('/')[^1], "the record names the blob");
        Assert.AreEqual(blobs[0].Key.Split('/')[^1], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(csv)), "the blob is content-addressed");
        var lines = Encoding.UTF8.GetString(csv).TrimEnd('\n').Split('\n');
        Assert.HasCount(rows + 1, lines, "header and every captured row");
        StringAssert.StartsWith(lines[0], "sample,anomalous,");
    }

    [TestMethod]
    public async Task An_entry_sent_again_after_a_crash_before_its_removal_stores_nothing_twice()
    {
        using var store = SharedServers.NewStore("s3");
        string folder = Path.Combine(RepoPaths.TempDirectory("spool-twice"), "spool");
        var spool = new StoreSpool(folder);
        byte[] csv = Encoding.UTF8.GetBytes("sample,anomalous,x\n1,0,2\n");
        spool.Add("one", [SpoolBlob.Of(csv)], hashes => [new SpoolRecord("captures/B/t-w1.json", Encoding.UTF8.GetBytes($"{{\"sha256\":\"{hashes[0]}\"}}"))]);
        string entry = Path.Combine(folder, spool.Pending()[0]);
        // A copy of the entry stands for one whose upload succeeded but whose removal a crash cut short.
        string copy = entry + "-again";
        CopyFolder(entry, copy);

        var first = await spool.UploadAsync(store);
        Assert.AreEqual(2, first.Sent);
        Assert.IsEmpty(first.Rejected);
        Assert.IsEmpty(spool.Pending());
        var all = await store.ListAsync("");
        Assert.HasCount(2, all, string.Join(", ", all.Select(e => e.Name)));
        Assert.AreEqual(1, all.Count(e => e.Name.StartsWith("sha256/", StringComparison.Ordinal)));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task<byte[]> Read(Amazon.S3.AmazonS3Client client, string bucket, string key)
    {
        using var response = await client.GetObjectAsync(bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

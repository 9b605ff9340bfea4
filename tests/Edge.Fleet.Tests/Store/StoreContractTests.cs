using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Edge.Fleet.Tests.Support;
using Edge.Store;
using Edge.TestSupport;

namespace Edge.Fleet.Tests.Store;

/// <summary>
/// What every store promises, checked on a local folder and on a real S3 implementation (Ceph's
/// gateway): blobs keyed by the SHA-256 of their bytes, uploaded once, handed back only when intact;
/// records written once; listing by prefix.
/// </summary>
[TestClass]
public sealed class StoreContractTests
{
    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task A_blob_is_keyed_by_the_SHA256_of_its_bytes_uploaded_once_and_returned_byte_for_byte(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        string folder = RepoPaths.TempDirectory("blob");
        // 9 MB of varied bytes: more than one read buffer and one socket write, not compressible to nothing.
        var bytes = new byte[9 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        string file = Path.Combine(folder, "trace.parquet");
        File.WriteAllBytes(file, bytes);

        var first = await store.PutFileAsync(file);
        var again = await store.PutFileAsync(file);

        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Sha256);
        Assert.AreEqual(bytes.LongLength, first.Bytes);
        Assert.IsTrue(first.Uploaded);
        Assert.IsFalse(again.Uploaded, "the second put found the blob and uploaded nothing");
        Assert.IsTrue(await store.HasBlobAsync(first.Sha256));
        string back = Path.Combine(folder, "back.parquet");
        await store.GetFileAsync(first.Sha256, back);
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(back));
        var listed = await store.ListAsync("sha256/");
        Assert.AreEqual(1, listed.Count);
        Assert.AreEqual($"sha256/{first.Sha256[..2]}/{first.Sha256}", listed[0].Name);
        Assert.AreEqual(bytes.LongLength, listed[0].Bytes);
    }

    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task A_record_is_written_once_the_same_bytes_again_are_a_no_op_and_other_bytes_are_refused(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        byte[] original = Encoding.UTF8.GetBytes("{\"run\":\"r1\"}");
        byte[] other = Encoding.UTF8.GetBytes("{\"run\":\"r2\"}");

        Assert.IsTrue(await store.PutRecordAsync("runs/r1/manifest.json", original));
        Assert.IsFalse(await store.PutRecordAsync("runs/r1/manifest.json", original));
        var conflict = await Assert.ThrowsAsync<StoreConflictException>(() => store.PutRecordAsync("runs/r1/manifest.json", other));

        StringAssert.Contains(conflict.Message, "runs/r1/manifest.json");
        CollectionAssert.AreEqual(original, await store.GetRecordAsync("runs/r1/manifest.json"));
        Assert.IsNull(await store.GetRecordAsync("runs/r2/manifest.json"));
    }

    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task Of_writers_racing_for_one_record_exactly_one_wins_and_the_record_holds_its_bytes(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        var contents = Enumerable.Range(0, 8).Select(i => Encoding.UTF8.GetBytes($"{{\"writer\":{i}}}")).ToList();

        var outcomes = await Task.WhenAll(contents.Select(async content =>
        {
            try
            {
                return await store.PutRecordAsync("runs/race/cells/a.json", content) ? "won" : "same";
            }
            catch (StoreConflictException)
            {
                return "refused";
            }
        }));

        Assert.AreEqual(1, outcomes.Count(o => o == "won"), string.Join(",", outcomes));
        Assert.AreEqual(7, outcomes.Count(o => o == "refused"), string.Join(",", outcomes));
        byte[] stored = (await store.GetRecordAsync("runs/race/cells/a.json"))!;
        Assert.AreEqual(contents[Array.IndexOf(outcomes, "won")].Length, stored.Length);
        CollectionAssert.AreEqual(contents[Array.IndexOf(outcomes, "won")], stored);
    }

    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task A_damaged_blob_is_reported_and_never_written_to_the_destination(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        byte[] good = Encoding.UTF8.GetBytes("the model's bytes");
        var blob = await store.PutBytesAsync(good);
        await Damage(store, blob.Sha256, Encoding.UTF8.GetBytes("the model's bytez"));
        string destination = Path.Combine(RepoPaths.TempDirectory("damaged"), "model.edgem");

        var error = await Assert.ThrowsAsync<StoreException>(() => store.GetFileAsync(blob.Sha256, destination));

        StringAssert.Contains(error.Message, "damaged");
        StringAssert.Contains(error.Message, blob.Sha256);
        Assert.IsFalse(File.Exists(destination));
    }

    [TestMethod]
    [DataRow("folder")]
    [DataRow("s3")]
    public async Task Listing_takes_a_prefix_and_records_and_blobs_have_separate_names(string kind)
    {
        using var store = SharedServers.NewStore(kind);
        await store.PutRecordAsync("runs/a/manifest.json", [1]);
        await store.PutRecordAsync("runs/b/manifest.json", [2]);
        await store.PutRecordAsync("captures/loom1/x.json", [3]);
        await store.PutBytesAsync([4, 5]);

        var runs = await store.ListAsync("runs/");

        CollectionAssert.AreEqual(new[] { "runs/a/manifest.json", "runs/b/manifest.json" }, runs.Select(e => e.Name).ToArray());
        Assert.AreEqual(5, (await store.ListAsync("")).Count + 1, "three records and one blob");
        Assert.ThrowsExactly<StoreException>(() => ArtifactStore.CheckRecordName("sha256/ab/cd"));
        Assert.ThrowsExactly<StoreException>(() => ArtifactStore.CheckRecordName("runs/../x"));
    }

    /// <summary>Replaces a blob's bytes behind Edge's back, the way bit rot or a buggy tool would.</summary>
    private static async Task Damage(ArtifactStore store, string sha256, byte[] bytes)
    {
        string name = ArtifactStore.BlobName(sha256);
        if (store.Location.IsS3)
        {
            using var client = SharedServers.RawClient();
            string key = (store.Location.Prefix.Length > 0 ? store.Location.Prefix + "/" : "") + name;
            await client.PutObjectAsync(new PutObjectRequest { BucketName = store.Location.Bucket, Key = key, InputStream = new MemoryStream(bytes), UseChunkEncoding = false });
        }
        else File.WriteAllBytes(Path.Combine(store.Location.Folder!, name), bytes);
    }
}
